"""Engines, sessions and the schema (Alembic `upgrade head`, once per URL per process)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from servator.config.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "servator_alembic_version"
SQLITE_BUSY_MS = 10_000
# Any fixed 64-bit number: serialises `upgrade head` between processes on PostgreSQL.
ADVISORY_LOCK_KEY = 0x5E12_7A70_0001

_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Busy timeout, WAL and foreign keys on every new SQLite connection (an engine "connect" listener)."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """PRAGMA journal_mode=WAL, retried: SQLite answers "database is locked" at once, without
    waiting out the busy timeout, while another process holds a write transaction."""
    import sqlite3

    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def create_storage_engine(
    database_url: str, statement_timeout_ms: int | None = None, **kwargs: Any
) -> Engine:
    """A future-style engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    On PostgreSQL every statement is cancelled after `statement_timeout_ms` (default the
    DATABASE_STATEMENT_TIMEOUT_MS setting; 0 means no limit), so a stuck database fails a call
    quickly (a report then goes to the outbox) instead of holding it.
    """
    url = make_url(database_url)
    if statement_timeout_ms is None:
        statement_timeout_ms = Settings.from_env().statement_timeout_ms
    # libpq `options` from the URL (e.g. ?options=-csearch_path=x) are kept, the time limit added.
    pg_options = " ".join(
        filter(
            None, [str(url.query.get("options") or ""), f"-c statement_timeout={int(statement_timeout_ms)}"]
        )
    )
    connect_args = {
        "sqlite": {"timeout": SQLITE_BUSY_MS / 1000},
        "postgresql": {"connect_timeout": 10, "options": pg_options},
    }.get(url.get_backend_name(), {})
    engine = create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    return engine


def database_answers(sessions: Callable[[], Session]) -> bool:
    """True when a `SELECT 1` through these sessions succeeds (storage reachable and answering)."""
    try:
        with sessions() as session:
            session.execute(text("SELECT 1"))
        return True
    except (SQLAlchemyError, OSError):
        return False


def make_session_factory(database_url: str) -> sessionmaker:
    """Sessions for the unit of work; objects stay readable after commit."""
    return sessionmaker(bind=create_storage_engine(database_url), future=True, expire_on_commit=False)


class SessionFactoryOnFirstUse:
    """A database's session factory, made on first use, after the schema is ensured.

    Nothing connects at construction. `get()` raises SQLAlchemyError or OSError while the
    database is unreachable and tries again on the next call; `forget()` drops the factory so
    the next `get()` ensures the schema again (after an outage, say).
    """

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._factory: Callable[[], Session] | None = None

    def get(self) -> Callable[[], Session]:
        if self._factory is None:
            ensure_schema(self.database_url)
            self._factory = make_session_factory(self.database_url)
        return self._factory

    def forget(self) -> None:
        self._factory = None


def _sqlite_folder(database_url: str) -> None:
    url = make_url(database_url)
    if (
        url.get_backend_name() == "sqlite"
        and url.database
        and url.database != ":memory:"
        and not url.database.startswith("file:")
    ):
        Path(url.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)


def _migration_engine(database_url: str) -> Engine:
    """SQLite: one BEGIN IMMEDIATE transaction, so two processes migrate one after the other."""
    # No statement timeout: waiting for another process's migration lock is expected here.
    engine = create_storage_engine(database_url, statement_timeout_ms=0, poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _manual_transactions)
        event.listen(engine, "begin", _begin_immediate)
    return engine


def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    # A batch migration copies a table and drops the old one; with foreign keys enforced, that drop
    # would cascade to every row that refers to it (notes, links, photos).
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_schema(database_url: str) -> None:
    """Create or upgrade the report tables; safe to call from two processes at once."""
    with _migrate_lock:
        if database_url in _migrated:
            return
        from alembic import command
        from alembic.config import Config

        _sqlite_folder(database_url)
        engine = _migration_engine(database_url)
        try:
            with engine.connect() as connection:
                # Start the one transaction now (alembic then runs inside it): on PostgreSQL take the
                # advisory lock; on SQLite the "begin" hook issues BEGIN IMMEDIATE.
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
                else:
                    connection.execute(text("SELECT 1"))
                config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
                config.set_main_option("script_location", str(MIGRATIONS_DIR))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
        finally:
            engine.dispose()
        _migrated.add(database_url)
