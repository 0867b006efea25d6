"""PostgreSQL statements are cancelled after DATABASE_STATEMENT_TIMEOUT_MS; migrations are not limited."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from servator.storage import engine as storage_engine
from servator.storage import make_session_factory
from tests.support.storage_helpers import postgres_database

pytestmark = pytest.mark.postgres


def test_a_stuck_statement_is_cancelled_after_the_setting(monkeypatch):
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT_MS", "300")
    with postgres_database() as url:
        sessions = make_session_factory(url)
        try:
            with sessions() as session:
                assert session.execute(text("SHOW statement_timeout")).scalar_one() == "300ms"
                with pytest.raises(OperationalError, match="statement timeout"):
                    session.execute(text("SELECT pg_sleep(3)"))
        finally:
            sessions.kw["bind"].dispose()


def test_the_default_is_five_seconds_and_migrations_have_none(monkeypatch):
    monkeypatch.delenv("DATABASE_STATEMENT_TIMEOUT_MS", raising=False)
    with postgres_database() as url:
        for engine, expected in (
            (storage_engine.create_storage_engine(url), "5s"),
            (storage_engine._migration_engine(url), "0"),
        ):
            with engine.connect() as connection:
                assert connection.execute(text("SHOW statement_timeout")).scalar_one() == expected
            engine.dispose()


def test_libpq_options_in_the_url_are_kept(monkeypatch):
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT_MS", "1500")
    with postgres_database() as url:
        engine = storage_engine.create_storage_engine(url + "?options=-c%20lock_timeout%3D2500")
        with engine.connect() as connection:
            assert connection.execute(text("SHOW lock_timeout")).scalar_one() == "2500ms"
            assert connection.execute(text("SHOW statement_timeout")).scalar_one() == "1500ms"
        engine.dispose()
