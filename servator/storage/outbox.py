"""LocalOutbox: reports that could not reach the database wait here, durably, as JSON files."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from servator.storage.draft import ReportDraft
from servator.storage.engine import database_answers
from servator.storage.report_writer import store_draft, unique_chat_ids

log = logging.getLogger(__name__)
Entry = tuple[Path, ReportDraft, list[str] | None]
SET_ASIDE_FOLDER = "set_aside"
# A file whose draft fails this many times while the database answers is moved aside.
MAX_FILE_ATTEMPTS = 3
# What storing one draft can raise because of the draft itself (bad types reach SQLAlchemy's binds).
DRAFT_ERRORS = (SQLAlchemyError, TypeError, ValueError, AttributeError)


@dataclass(frozen=True)
class OutboxStats:
    """For /healthz and /metrics: files waiting, the age of the oldest, files moved aside."""

    queued: int
    oldest_age_seconds: float | None
    set_aside: int


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _queued_order(path: Path) -> tuple[float, str]:
    try:
        return path.stat().st_mtime, path.name
    except FileNotFoundError:
        return 0.0, path.name


class LocalOutbox:
    """One file per submission key (queuing the same report twice keeps one file).

    Files hold contact details, so the folder is private (0700, files 0600). A file that cannot be
    read, or whose draft keeps failing while the database answers, is moved (never deleted) into
    `set_aside/` beside them, logged by file name only, and counted in `stats()`.
    """

    def __init__(self, directory: str | os.PathLike[str], max_attempts: int = MAX_FILE_ATTEMPTS) -> None:
        self.directory = Path(directory)
        self.max_attempts = max_attempts
        self._failures: dict[str, int] = {}

    @property
    def set_aside_directory(self) -> Path:
        return self.directory / SET_ASIDE_FOLDER

    def _path(self, draft: ReportDraft) -> Path:
        return self.directory / f"{hashlib.sha256(draft.submission_key.encode()).hexdigest()[:40]}.json"

    def put(self, draft: ReportDraft, officer_chat_ids: Iterable[str] | None = None) -> Path:
        """Write, fsync, rename atomically, fsync the folder: after this returns it survives a crash."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        draft = draft.consented()
        notify = None if officer_chat_ids is None else unique_chat_ids(officer_chat_ids)
        body = json.dumps({"version": 1, "draft": draft.to_dict(), "notify": notify}, ensure_ascii=False)
        target = self._path(draft)
        fd, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(body)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _fsync_directory(self.directory)
        return target

    def _entries(self) -> Iterator[Entry]:
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("[!.]*.json"), key=_queued_order):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                yield path, ReportDraft.from_dict(data["draft"]), data.get("notify")
            except FileNotFoundError:  # flushed by another process meanwhile
                continue
            except (ValueError, KeyError, TypeError) as error:
                self._set_aside(path, f"unreadable, {type(error).__name__}")

    def _set_aside(self, path: Path, reason: str) -> None:
        self.set_aside_directory.mkdir(mode=0o700, exist_ok=True)
        target = self.set_aside_directory / path.name
        if target.exists():  # the same report set aside before: keep both
            target = target.with_name(f"{path.stem}-{time.time_ns()}{path.suffix}")
        try:
            path.replace(target)
        except FileNotFoundError:  # flushed or moved by another process meanwhile
            return
        _fsync_directory(self.directory)
        self._failures.pop(path.name, None)
        log.error("outbox file %s moved to %s/ (%s); the rest go on", path.name, SET_ASIDE_FOLDER, reason)

    def _failed(self, path: Path, error: Exception) -> None:
        """One more failure of this file's draft; moved aside once it has failed max_attempts times."""
        attempts = self._failures.get(path.name, 0) + 1
        self._failures[path.name] = attempts
        reason = f"{attempts} failed attempts, last {type(error).__name__}"
        if attempts >= self.max_attempts:
            self._set_aside(path, reason)
        else:
            log.warning("outbox file %s not stored (%s); will retry", path.name, reason)

    def stats(self, now: float | None = None) -> OutboxStats:
        """Counted from the folder itself, so every process sees the same numbers."""
        now = time.time() if now is None else now
        ages = []
        for path in self.directory.glob("[!.]*.json") if self.directory.is_dir() else []:
            try:
                ages.append(max(0.0, now - path.stat().st_mtime))
            except FileNotFoundError:
                continue
        folder = self.set_aside_directory
        set_aside = sum(1 for path in folder.iterdir() if path.is_file()) if folder.is_dir() else 0
        return OutboxStats(len(ages), max(ages) if ages else None, set_aside)

    def purge_set_aside(self, before: float) -> int:
        """Delete the set-aside files last written before `before` (a Unix time); how many. They are
        reports nobody could store, contact details and all: kept no longer than reports are."""
        folder = self.set_aside_directory
        deleted = 0
        for path in folder.iterdir() if folder.is_dir() else []:
            try:
                if path.is_file() and path.stat().st_mtime < before:
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:  # deleted by another process meanwhile
                continue
        return deleted

    def pending(self) -> list[ReportDraft]:
        return [draft for _, draft, _ in self._entries()]

    def flush(self, sessions: Callable[[], Session], officer_chat_ids: Iterable[str] | None = None) -> int:
        """Submit every queued draft (idempotently); each file is deleted only after its commit.

        Officers recorded at queue time are notified; officer_chat_ids is for drafts queued without any.
        Raises SQLAlchemyError/OSError when storage is down (every file stays queued, none is blamed).
        A draft that fails while the database answers is skipped (the rest go on) and, after
        max_attempts failures, moved aside. Returns how many drafts left the outbox into storage.
        """
        fallback = [] if officer_chat_ids is None else list(officer_chat_ids)
        flushed = 0
        for path, draft, notify in self._entries():
            try:
                store_draft(draft, sessions, fallback if notify is None else notify)
            except DRAFT_ERRORS as error:
                if isinstance(error, SQLAlchemyError) and not database_answers(sessions):
                    raise
                self._failed(path, error)
                continue
            self._failures.pop(path.name, None)
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            _fsync_directory(self.directory)
            flushed += 1
        if flushed:
            log.info("flushed %d queued report(s) into storage", flushed)
        return flushed
