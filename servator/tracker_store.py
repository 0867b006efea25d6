"""Rasa's SQL tracker store, tuned for SQLite, the default single-machine database.

Rasa 3.6 on SQLAlchemy 1.4 opens a new SQLite connection for every tracker read and write
(NullPool) and commits with a full fsync. Here, on SQLite only: a small pool of connections
kept open, and `synchronous=NORMAL` with the WAL journal that servator.storage already uses.
In WAL mode, NORMAL loses no committed conversation if the assistant crashes; a power cut may
lose the last turns, never a report (reports are stored through servator.storage with full
fsync). PostgreSQL keeps Rasa's settings. Measured in docs/performance.md.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.pool import QueuePool

from servator.storage.engine import SQLITE_BUSY_MS, sqlite_pragmas

POOL_SIZE = 4


def _sqlite_normal_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ServatorSQLTrackerStore(SQLTrackerStore):
    """`tracker_store: type: servator.tracker_store.ServatorSQLTrackerStore` (runner.write_endpoints)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name != "sqlite":
            return
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url, poolclass=QueuePool, pool_size=POOL_SIZE,
            connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", sqlite_pragmas)
        sa.event.listen(self.engine, "connect", _sqlite_normal_sync)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
