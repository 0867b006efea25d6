"""LocalOutbox: reports that could not reach the database wait here, durably, as JSON files."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from servator.storage.draft import ReportDraft
from servator.storage.report_writer import store_draft, unique_chat_ids

log = logging.getLogger(__name__)
Entry = tuple[Path, ReportDraft, list[str] | None]


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

    Files hold contact details, so the folder is private (0700, files 0600).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

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
            except (ValueError, KeyError, TypeError):
                path.replace(path.with_suffix(".bad"))
                log.error("unreadable outbox file set aside as %s", path.with_suffix(".bad").name)

    def pending(self) -> list[ReportDraft]:
        return [draft for _, draft, _ in self._entries()]

    def flush(self, sessions: Callable[[], Session], officer_chat_ids: Iterable[str] | None = None) -> int:
        """Submit every queued draft (idempotently); each file is deleted only after its commit.

        Officers recorded at queue time are notified; officer_chat_ids is for drafts queued without any.
        Raises SQLAlchemyError/OSError when storage is still down (the rest stay queued). Returns how many
        drafts left the outbox.
        """
        fallback = [] if officer_chat_ids is None else list(officer_chat_ids)
        flushed = 0
        for path, draft, notify in self._entries():
            store_draft(draft, sessions, fallback if notify is None else notify)
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            _fsync_directory(self.directory)
            flushed += 1
        if flushed:
            log.info("flushed %d queued report(s) into storage", flushed)
        return flushed
