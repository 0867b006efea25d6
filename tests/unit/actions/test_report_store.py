"""The actions' report store: one submit path, queued while the database is down, stored once it is back."""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.report_store import ReportStore
from servator.storage import SqlUnitOfWork, SubmitResult, make_session_factory
from tests.support.storage_helpers import sqlite_url


def _tracker(description: str) -> Tracker:
    return Tracker(
        sender_id="store-user",
        slots={"report_description": description, "report_category": "surveillance"},
        latest_message={"text": "yes"},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_queued_while_the_database_is_unreachable_then_flushed_before_the_next_report(tmp_path: Path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    down = ReportStore(f"sqlite:///{blocked / 'reports.db'}", str(tmp_path / "outbox"))
    queued = down.submit(_tracker("first, while down"), "key-down", "hotline")
    assert queued == SubmitResult(stored=False, queued=True, reference=None)
    assert [draft.description for draft in down.outbox.pending()] == ["first, while down"]

    url = sqlite_url(tmp_path)
    up = ReportStore(url, str(tmp_path / "outbox"))
    stored = up.submit(_tracker("second, once up"), "key-up", "hotline")
    assert stored.stored and not stored.queued and stored.reference
    assert up.outbox.pending() == []
    with SqlUnitOfWork(make_session_factory(url)) as uow:
        assert sorted(report.description for report in uow.reports.list()) == [
            "first, while down",
            "second, once up",
        ]


def test_flush_outbox_stores_queued_reports_without_a_new_one(tmp_path: Path):
    """What the action server's timer calls: reports queued while the database was down go in."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    down = ReportStore(f"sqlite:///{blocked / 'reports.db'}", str(tmp_path / "outbox"))
    assert down.submit(_tracker("queued while down"), "key-down", "hotline").queued
    assert down.flush_outbox() == 0 and down.outbox.stats().queued == 1, "still down: kept"

    url = sqlite_url(tmp_path)
    up = ReportStore(url, str(tmp_path / "outbox"))
    assert up.flush_outbox() == 1 and up.outbox.stats().queued == 0
    with SqlUnitOfWork(make_session_factory(url)) as uow:
        assert [report.description for report in uow.reports.list()] == ["queued while down"]


def test_a_submitted_report_and_one_flushed_from_the_outbox_are_linked_after_their_commit(tmp_path: Path):
    """The report is confirmed at once; the linking thread links it (and the flushed one) afterwards."""
    import time

    import reading.entities  # noqa: F401 - imported at start in the action server (report_validation)
    from servator.linking import links_for

    def tracker(vehicle: str) -> Tracker:
        t = _tracker("a car parked outside watching the gate")
        t.slots.update(report_vehicle=vehicle, report_details={"registration": "AB12 CDE"})
        return t

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    down = ReportStore(f"sqlite:///{blocked / 'reports.db'}", str(tmp_path / "outbox"))
    assert down.submit(tracker("silver ford AB12 CDE"), "key-down", "hotline").queued
    url = sqlite_url(tmp_path)
    up = ReportStore(url, str(tmp_path / "outbox"))
    assert up.flush_outbox() == 1  # stored, and the linking thread started
    stored = up.submit(tracker("ab12cde again"), "key-up", "hotline")
    assert stored.stored
    sessions = make_session_factory(url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with sessions() as session:
            if [link.rule for link in links_for(session, stored.reference or "")] == ["vehicle"]:
                break
        time.sleep(0.2)
    with sessions() as session:
        assert [link.rule for link in links_for(session, stored.reference or "")] == ["vehicle"]


def test_a_skipped_answer_is_stored_as_nothing_not_as_the_words_not_given(tmp_path: Path):
    url = sqlite_url(tmp_path)
    store = ReportStore(url, str(tmp_path / "outbox"))
    assert store.submit(_tracker("not given"), "key-skipped", "hotline").stored
    with SqlUnitOfWork(make_session_factory(url)) as uow:
        [report] = uow.reports.list()
    assert (report.description, report.location_text, report.occurred_text) == (None, None, None)
