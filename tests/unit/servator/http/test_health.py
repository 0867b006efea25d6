"""The stack's readiness: the database, the outbox and the officer alerts not yet delivered."""

from __future__ import annotations

from servator.http.health import storage_state
from servator.storage import ensure_schema, submit_report
from tests.support.storage_helpers import UNREACHABLE_POSTGRES, full_draft, sqlite_url


def test_a_stored_report_with_undelivered_alerts_is_counted_in_the_backlog(sessions, outbox, database_url):
    submit_report(full_draft(), sessions, outbox, ["1001", "1002"])
    state = storage_state(database_url, str(outbox.directory))
    assert state["database"] == {"reachable": True}
    assert state["outbox"] == {"size": 0, "oldest_age_seconds": None, "set_aside": 0}
    assert state["notifications"]["backlog"] == 2
    assert state["notifications"]["oldest_age_seconds"] >= 0


def test_a_database_that_is_down_leaves_the_unknown_numbers_null_and_counts_the_outbox(outbox):
    outbox.put(full_draft("queued"))
    state = storage_state(UNREACHABLE_POSTGRES, str(outbox.directory))
    assert state["database"] == {"reachable": False}
    assert state["outbox"]["size"] == 1
    assert state["notifications"] == {"backlog": None, "oldest_age_seconds": None}


def test_without_a_database_only_the_outbox_is_read(tmp_path):
    state = storage_state(None, str(tmp_path / "outbox"))
    assert state["database"] == {"reachable": None} and state["outbox"]["size"] == 0


def test_a_reachable_database_without_the_report_tables_has_no_backlog(tmp_path):
    url = sqlite_url(tmp_path)
    state = storage_state(url, str(tmp_path / "outbox"))
    assert state["database"] == {"reachable": True} and state["notifications"]["backlog"] is None
    ensure_schema(url)
    assert storage_state(url, str(tmp_path / "outbox"))["notifications"]["backlog"] == 0
