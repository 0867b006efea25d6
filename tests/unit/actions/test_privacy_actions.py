"""Forgetting: deleted first, then said; a report of the wrong types is refused, nothing stored."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import privacy_actions, report_actions
from actions.report_store import ReportStore, draft_from_tracker
from servator.storage import InvalidDraft
from tests.support.storage_helpers import sqlite_url

SECRET = "Alice Example 07700 900123"


def tracker(slots: dict[str, Any], sender: str = "forget-me") -> Tracker:
    return Tracker(
        sender_id=sender,
        slots=slots,
        latest_message={"text": "/affirm", "intent": {"name": "affirm"}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="report_form",
    )


def store_with_events(tmp_path: Path, senders: list[str]) -> ReportStore:
    """A report store whose database holds Rasa's events table with a few rows per sender."""
    from rasa.core.tracker_store import SQLTrackerStore

    url = sqlite_url(tmp_path)
    engine = sa.create_engine(url)
    SQLTrackerStore.Base.metadata.create_all(engine)
    with engine.begin() as connection:
        for sender in senders:
            for n in range(3):
                connection.execute(
                    sa.text(
                        "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"
                    ),
                    {"s": sender, "t": 1000.0 + n},
                )
    engine.dispose()
    return ReportStore(url, str(tmp_path / "outbox"))


def events_of(store: ReportStore, sender: str) -> int:
    engine = sa.create_engine(store.database_url)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT count(*) FROM events WHERE sender_id = :s")
            return connection.execute(query, {"s": sender}).scalar()
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "action,said",
    [
        (privacy_actions.ActionForgetConversation, "utter_conversation_deleted"),
        (privacy_actions.ActionCancelReport, "utter_report_cancelled"),
    ],
)
async def test_the_conversation_is_deleted_before_the_bot_says_so(tmp_path, monkeypatch, action, said):
    store = store_with_events(tmp_path, ["forget-me", "someone-else"])
    monkeypatch.setattr(privacy_actions, "report_store", lambda: store)
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, tracker({}), {})
    assert [m["response"] for m in dispatcher.messages] == [said]
    assert events == [{"event": "restart", "timestamp": None}]
    assert events_of(store, "forget-me") == 0 and events_of(store, "someone-else") == 3


@pytest.mark.parametrize(
    "action,said",
    [
        (privacy_actions.ActionForgetConversation, "utter_conversation_not_deleted"),
        (privacy_actions.ActionCancelReport, "utter_report_cancelled_not_deleted"),
    ],
)
async def test_when_storage_is_down_the_bot_says_it_could_not_delete(tmp_path, monkeypatch, action, said):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    store = ReportStore(f"sqlite:///{blocked / 'db.sqlite'}", str(tmp_path / "outbox"))
    monkeypatch.setattr(privacy_actions, "report_store", lambda: store)
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "30")
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, tracker({}), {})
    assert [m["response"] for m in dispatcher.messages] == [said]
    assert dispatcher.messages[0]["retention_days"] == 30
    assert all(event["event"] == "slot" for event in events), "no restart: nothing claims it was deleted"


@pytest.mark.parametrize(
    "slots,field",
    [
        ({"report_details": ["not", "an", "object"]}, "report_details"),
        ({"report_description": {"photo": SECRET}}, "report_description"),
        ({"report_contact": 7700900123, "report_contact_consent": "yes"}, "report_contact"),
        ({"report_details": {"when_iso": SECRET}}, "when_iso"),
        ({"report_details": {"latitude": SECRET}}, "latitude"),
        ({"report_category": SECRET}, "report_category"),
    ],
)
async def test_a_report_of_the_wrong_types_is_refused_with_a_clear_log_line(
    tmp_path, monkeypatch, caplog, slots, field
):
    with pytest.raises(InvalidDraft):
        draft_from_tracker(tracker({"report_confirm": "confirmed", **slots}), "key", "hotline")
    store = ReportStore(sqlite_url(tmp_path), str(tmp_path / "outbox"))
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    dispatcher = CollectingDispatcher()
    with caplog.at_level(logging.INFO):
        events = await report_actions.ActionSubmitReport().run(
            dispatcher, tracker({"report_confirm": "confirmed", "report_ongoing": "no", **slots}), {}
        )
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_refused"]
    assert all(event["event"] == "slot" for event in events)
    refusal = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusal) == 1 and field in refusal[0], caplog.text
    assert "Alice" not in caplog.text and "07700" not in caplog.text
    assert store.outbox.pending() == []
    engine = sa.create_engine(store.database_url)
    try:
        with engine.connect() as connection:
            has_reports = sa.inspect(connection).has_table("reports")
            assert (
                not has_reports or connection.execute(sa.text("SELECT count(*) FROM reports")).scalar() == 0
            )
    finally:
        engine.dispose()
