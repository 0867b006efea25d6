"""Linking after the commit, off the request path: a background thread links each newly stored report,
and a sweep retries any report not yet linked (a failure, a restart, a report flushed from the outbox).

Storing a report never waits for linking and a linking failure never touches the report: it is logged
(reference and error class only) and tried again with backoff (LINK_SWEEP_SECONDS, LINK_MAX_ATTEMPTS).
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from servator.linking.service import link_report, record_failure, unlinked
from servator.linking.settings import LinkSettings
from servator.storage.engine import create_storage_engine

log = logging.getLogger(__name__)
SWEEP = ""  # a queue item asking for a sweep (never a reference)


SQLITE_CACHE_KIB = 65_536
SQLITE_MMAP_BYTES = 512 * 2**20


def _linking_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """synchronous=NORMAL (see linking_sessions), a 64 MiB page cache and memory-mapped reads: the
    candidates' rows are read from memory, not with a system call per page."""
    for pragma in ("synchronous=NORMAL", f"cache_size=-{SQLITE_CACHE_KIB}", f"mmap_size={SQLITE_MMAP_BYTES}"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def linking_sessions(database_url: str) -> sessionmaker:
    """Sessions for linking. On SQLite one kept connection per thread and synchronous=NORMAL: in WAL mode a
    power cut can then lose the last linking transactions, never a report (its own commit is separate and
    fully synced), and a lost linking is redone by the sweep (`linked_at` is still empty)."""
    if database_url.startswith("sqlite"):
        engine = create_storage_engine(database_url, poolclass=SingletonThreadPool)
        event.listen(engine, "connect", _linking_pragmas)
    else:
        engine = create_storage_engine(database_url)
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


class LinkWorker:
    """schedule(reference) returns at once; one daemon thread per process does the linking."""

    def __init__(self, sessions: Callable[[], Session], settings: LinkSettings | None = None) -> None:
        self.sessions = sessions
        self.settings = settings or LinkSettings.from_env()
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def schedule(self, reference: str) -> None:
        self._queue.put(reference)
        self.start()

    def sweep_soon(self) -> None:
        """Ask the thread for a sweep now (reports stored by another path, e.g. the outbox flush)."""
        self._queue.put(SWEEP)
        self.start()

    def start(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="report-linking", daemon=True)
                self._thread.start()

    def link(self, reference: str) -> bool:
        """Link one report in its own transaction; on failure record the attempt. True when linked."""
        try:
            with self.sessions() as session:
                link_report(session, reference, self.settings)
                session.commit()
            return True
        except LookupError:  # purged meanwhile
            return False
        except Exception as error:  # noqa: BLE001 - any failure is retried later, never raised to storage
            log.warning("linking %s failed (%s); will retry", reference, type(error).__name__)
            self._record(reference, error)
            return False

    def _record(self, reference: str, error: BaseException) -> None:
        try:
            with self.sessions() as session:
                record_failure(session, reference, error, self.settings)
                session.commit()
        except Exception as second:  # noqa: BLE001 - storage down: the sweep finds it unlinked anyway
            log.warning("could not record the linking failure of %s (%s)", reference, type(second).__name__)

    def sweep(self, limit: int = 50) -> int:
        """Link reports still waiting (oldest first); returns how many were linked."""
        try:
            with self.sessions() as session:
                waiting = unlinked(session, self.settings, limit)
        except Exception as error:  # noqa: BLE001
            log.warning("linking sweep could not read storage (%s)", type(error).__name__)
            return 0
        return sum(self.link(reference) for reference in waiting)

    def _loop(self) -> None:
        self.sweep()
        while True:
            try:
                reference = self._queue.get(timeout=max(1.0, self.settings.sweep_seconds))
            except queue.Empty:
                self.sweep()
                continue
            if reference == SWEEP:
                self.sweep()
            else:
                self.link(reference)
