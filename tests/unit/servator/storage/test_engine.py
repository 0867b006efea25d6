"""The storage engine: the schema beside Rasa's tables, SQLite's settings and folder, migrations, and
SessionFactoryOnFirstUse (nothing at construction, the schema on first use, retried after a failure)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from servator.storage import (
    Report,
    SessionFactoryOnFirstUse,
    SqlUnitOfWork,
    ensure_schema,
    make_session_factory,
)
from servator.storage import engine as storage_engine
from tests.support.storage_helpers import migrate, row_count, sqlite_url


def test_the_factory_is_made_on_first_use_kept_and_made_again_after_forget(tmp_path):
    folder = tmp_path / "not-yet"
    sessions = SessionFactoryOnFirstUse(f"sqlite:///{folder / 'reports.db'}")
    assert not folder.exists()  # nothing touched the database yet
    factory = sessions.get()
    assert sessions.get() is factory
    with SqlUnitOfWork(factory) as uow:
        assert uow.reports.list() == []  # the schema is there
    sessions.forget()
    assert sessions.get() is not factory


def test_an_unreachable_database_raises_every_time_it_is_asked():
    sessions = SessionFactoryOnFirstUse("postgresql://postgres@127.0.0.1:1/unreachable")
    for _ in range(2):
        with pytest.raises(SQLAlchemyError):
            sessions.get()


def test_schema_lives_beside_rasas_tables_and_matches_the_models(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from servator.storage.models import Base

    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.begin() as connection:  # what Rasa's SQL tracker store creates in the same database
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
    ensure_schema(database_url)
    storage_engine._migrated.discard(database_url)
    ensure_schema(database_url)  # a second run (new process) is a no-op
    tables = set(inspect(engine).get_table_names())
    assert {"events", "reports", "report_audit", "report_notifications", "servator_alembic_version"} <= tables
    assert "alembic_version" not in tables
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "version_table": "servator_alembic_version",
                "include_object": lambda obj, name, kind, *_: kind != "table" or name in Base.metadata.tables,
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_two_processes_can_create_the_schema_at_once(database_url):
    code = "import sys; from servator.storage import ensure_schema; ensure_schema(sys.argv[1])"
    children = [
        subprocess.Popen([sys.executable, "-c", code, database_url], stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    sessions = make_session_factory(database_url)
    assert row_count(sessions, Report) == 0
    sessions.kw["bind"].dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    sessions = make_session_factory(sqlite_url(tmp_path))
    with sessions() as session:
        pragma = lambda name: session.execute(text(f"PRAGMA {name}")).scalar_one()  # noqa: E731
        assert (pragma("journal_mode"), pragma("foreign_keys"), pragma("busy_timeout")) == ("wal", 1, 10000)
    sessions.kw["bind"].dispose()


def test_ensure_schema_creates_the_sqlite_folder(tmp_path):
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'reports.db'}"
    ensure_schema(url)
    assert Path(tmp_path / "deep" / "er" / "reports.db").exists()


def test_the_local_time_migration_fills_in_reports_stored_before_it(database_url):
    """A database at 0002 with a summer and a winter report, upgraded: each gets its London time."""
    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.connect() as connection:
        migrate(connection, "0002")
        for number, occurred in (
            (1, "2026-07-01 14:00:00"),
            (2, "2026-01-15 09:30:00"),
            (3, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO reports (reference, submission_key, status, created_at, updated_at, category, "
                    "description, location_text, occurred_text, occurred_at, still_happening, contact_consent, "
                    "sender_hash, channel, guidance_given, attachments) VALUES (:ref, :key, 'new', :now, :now, "
                    "'other', 'd', 'l', 'w', :occurred, false, false, 'h', 'rest', 'hotline', '[]')"
                ),
                {
                    "ref": f"SRV-20260701-AAAAA{number}",
                    "key": f"k{number}",
                    "now": "2026-07-01 15:00:00",
                    "occurred": occurred,
                },
            )
        connection.commit()
        migrate(connection, "head")
        rows = connection.execute(
            text("SELECT reference, occurred_at_local FROM reports ORDER BY reference")
        ).all()
    engine.dispose()
    assert [local for _, local in rows] == ["2026-07-01T15:00:00+01:00", "2026-01-15T09:30:00+00:00", None]
