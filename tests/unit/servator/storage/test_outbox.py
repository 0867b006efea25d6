"""The outbox under faults: a draft that keeps failing is moved aside and never blocks the rest;
a database that is down blames no file; the folder's numbers for /healthz and /metrics."""

from __future__ import annotations

import json
import os
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from servator.storage import LocalOutbox, Report, SqlUnitOfWork, make_session_factory
from servator.storage.outbox import MAX_FILE_ATTEMPTS
from tests.support.storage_helpers import UNREACHABLE_POSTGRES, full_draft, row_count


def _queue_in_order(outbox: LocalOutbox, *drafts) -> list:
    """Queue drafts with increasing file times (the outbox flushes oldest first)."""
    paths = []
    for age, draft in zip(range(len(drafts), 0, -1), drafts):
        path = outbox.put(draft, ["-100"])
        os.utime(path, (time.time() - age * 10, time.time() - age * 10))
        paths.append(path)
    return paths


def _poison(path) -> None:
    """A draft that reads fine but that storage refuses: a "still happening" that is no boolean."""
    data = json.loads(path.read_text())
    data["draft"]["still_happening"] = "maybe"
    path.write_text(json.dumps(data))


def _references(sessions) -> list[str]:
    with SqlUnitOfWork(sessions) as uow:
        return sorted(report.submission_key for report in uow.reports.list())


def test_a_draft_that_keeps_failing_is_moved_aside_and_never_blocks_the_rest(sessions, outbox):
    first, bad, last = _queue_in_order(outbox, full_draft("first"), full_draft("bad"), full_draft("last"))
    _poison(bad)
    assert outbox.flush(sessions) == 2, "the reports before and after the bad one are stored"
    assert _references(sessions) == ["first", "last"]
    for _ in range(MAX_FILE_ATTEMPTS):
        assert outbox.flush(sessions) == 0
    assert not bad.exists() and (outbox.set_aside_directory / bad.name).exists(), "moved, not deleted"
    stats = outbox.stats()
    assert (stats.queued, stats.oldest_age_seconds, stats.set_aside) == (0, None, 1)
    assert _references(sessions) == ["first", "last"]


def test_a_database_that_is_down_blames_no_file(outbox):
    _queue_in_order(outbox, full_draft("a"), full_draft("b"))
    down = make_session_factory(UNREACHABLE_POSTGRES)
    for _ in range(MAX_FILE_ATTEMPTS + 1):
        with pytest.raises(SQLAlchemyError):
            outbox.flush(down)
    stats = outbox.stats()
    assert (stats.queued, stats.set_aside) == (2, 0)


def test_stats_give_the_size_and_the_age_of_the_oldest(outbox):
    assert outbox.stats().queued == 0 and outbox.stats().oldest_age_seconds is None
    _queue_in_order(outbox, full_draft("a"), full_draft("b"), full_draft("c"))
    stats = outbox.stats()
    assert stats.queued == 3 and 25 <= stats.oldest_age_seconds <= 60


def test_a_flush_after_the_database_comes_back_stores_everything_once(sessions, outbox):
    _queue_in_order(outbox, full_draft("a"), full_draft("b"))
    with pytest.raises(SQLAlchemyError):
        outbox.flush(make_session_factory(UNREACHABLE_POSTGRES))
    assert outbox.flush(sessions) == 2 and outbox.flush(sessions) == 0
    with sessions() as session:
        assert session.execute(select(func.count()).select_from(Report)).scalar_one() == 2


def test_flush_into_a_dead_database_keeps_everything_queued(outbox):
    outbox.put(full_draft("a"))
    outbox.put(full_draft("a"))
    outbox.put(full_draft("b"))
    with pytest.raises(SQLAlchemyError):
        outbox.flush(make_session_factory(UNREACHABLE_POSTGRES))
    assert sorted(d.submission_key for d in outbox.pending()) == ["a", "b"]


def test_an_unreadable_outbox_file_is_set_aside_not_fatal(sessions, outbox):
    outbox.put(full_draft("good"))
    (outbox.directory / "broken.json").write_text("{not json")
    assert outbox.flush(sessions) == 1
    assert (outbox.set_aside_directory / "broken.json").read_text() == "{not json"
    assert row_count(sessions, Report) == 1 and outbox.stats().set_aside == 1
