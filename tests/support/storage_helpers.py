"""Test databases for the storage suites: a fresh SQLite file, or a throwaway PostgreSQL database."""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Connection

from servator.storage import Report, ReportDraft, SqlUnitOfWork

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
UNREACHABLE_POSTGRES = "postgresql://postgres@127.0.0.1:1/test"
INJECTION = '\'; DROP TABLE reports; --\n<script>alert(1)</script> \U0001f6a8 "quoted"\r\nsecond line'


def migrate(connection: Connection, revision: str) -> None:
    """Upgrade the schema on `connection` to `revision` with the project's Alembic migrations, and commit."""
    from alembic import command
    from alembic.config import Config

    from servator.storage.engine import MIGRATIONS_DIR

    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    if (
        connection.dialect.name == "sqlite"
    ):  # as servator.storage.engine migrates: no cascades from a batch copy
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    command.upgrade(config, revision)
    connection.commit()


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'reports.db'}"


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """CREATE DATABASE with a unique name; dropped (connections and all) afterwards."""
    name = f"servator_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_SERVER, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def sender_of(key: str) -> str:
    """The sender hash full_draft gives a key: one sender per report unless a test says otherwise."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def full_draft(key: str = "key-1", **changes: object) -> ReportDraft:
    """A draft with every field set, so a lost or mangled field shows. Each key has its own sender
    (servator.storage alerts a sender's later reports within the hour through the first one's alert)."""
    values = dict(
        submission_key=key,
        category="surveillance",
        description="a man filming the embassy gate",
        location_text="Grosvenor Square W1K 6AH",
        location_postcode="W1K 6AH",
        location_landmark="Grosvenor Square",
        latitude=51.5113,
        longitude=-0.1527,
        occurred_text="ten minutes ago",
        occurred_at=datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc),
        still_happening=True,
        people_description="tall, grey coat, kept checking the cameras",
        vehicle_registration="AB12 CDE",
        vehicle_text="silver ford focus AB12 CDE",
        direction="north towards Oxford Street",
        contact_consent=True,
        contact_phone="07700900123",
        contact_email=None,
        sender_hash=sender_of(key),
        channel="telegram",
        guidance_given="999,hotline",
        attachments=[],  # photos a draft names must first be received (tests/support/photo_helpers.py)
    )
    values.update(changes)
    # arg-type: `values` mixes the fields' types in one dict; the tests pass well-typed changes
    return ReportDraft(**values)  # type: ignore[arg-type]


def stored_reports(sessions: Any) -> list[Report]:
    """Every stored report, newest first."""
    with SqlUnitOfWork(sessions) as uow:
        return uow.reports.list()


def row_count(sessions: Any, model: Any) -> int:
    """How many rows a table holds."""
    with sessions() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())
