"""The tuned SQL tracker store keeps Rasa's behaviour: the same stored rows and events."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from servator.rasa_runtime.endpoints import tracker_store_config
from servator.rasa_runtime.tracker_store import ServatorSQLTrackerStore
from tests.support.storage_helpers import postgres_database, sqlite_url

PARSE = {
    "intent": {"name": "faq", "confidence": 0.9},
    "entities": [],
    "text": "what is servator",
    "intent_ranking": [{"name": "faq", "confidence": 0.9}, {"name": "greet", "confidence": 0.1}],
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path: Path):
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture(scope="module")
def domain():
    from rasa.shared.core.domain import Domain

    from servator.config.constants import DOMAIN_PATH

    return Domain.load(str(DOMAIN_PATH))


def _store(cls, database_url: str, domain):
    config = {k: v for k, v in tracker_store_config(database_url).items() if k != "type"}
    if "url" in config:
        config["host"] = config.pop("url")
    return cls(domain=domain, **config)


def _turns(store, domain, sender: str, turns: int) -> None:
    """A new conversation, then `turns` turns of retrieve, update, save."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    async def run() -> None:
        tracker = DialogueStateTracker(sender, domain.slots)
        for event in (
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
        ):
            tracker.update(event)
        await store.save(tracker)
        for turn in range(turns):
            tracker = await store.retrieve(sender)
            tracker.update(UserUttered(f"message {turn}", PARSE))
            tracker.update(ActionExecuted("utter_faq"))
            tracker.update(BotUttered(f"answer {turn}"))
            tracker.update(SlotSet("report_description", f"value {turn}"))
            tracker.update(ActionExecuted("action_listen"))
            await store.save(tracker)

    asyncio.run(run())


def _rows(store, sender: str) -> list[dict[str, Any]]:
    columns = ("type_name", "intent_name", "action_name", "data")
    with store.engine.connect() as connection:
        result = connection.execute(
            sa.text(f"SELECT {', '.join(columns)} FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": sender},
        )
        return [dict(zip(columns, row)) for row in result]


def _without_timestamps(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    import json

    cleaned = []
    for row in rows:
        data = json.loads(row["data"])
        data.pop("timestamp", None)
        cleaned.append({**row, "data": data})
    return cleaned


def test_tracker_store_writes_the_rows_rasa_writes_and_reads_them_back(database_url, domain):
    from rasa.core.tracker_store import SQLTrackerStore

    ours, rasas = (
        _store(ServatorSQLTrackerStore, database_url, domain),
        _store(SQLTrackerStore, database_url, domain),
    )
    _turns(ours, domain, "ours", 6)
    _turns(rasas, domain, "rasa", 6)
    assert len(_rows(ours, "ours")) == 3 + 6 * 5
    assert _without_timestamps(_rows(ours, "ours")) == _without_timestamps(_rows(rasas, "rasa"))
    mine = asyncio.run(ours.retrieve("ours"))
    theirs = asyncio.run(rasas.retrieve("ours"))
    assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in theirs.events]
    assert mine.get_slot("report_description") == "value 5"


def test_two_copies_of_one_conversation_saved_in_turn_store_no_event_twice(database_url, domain):
    from rasa.shared.core.events import ActionExecuted, UserUttered

    store = _store(ServatorSQLTrackerStore, database_url, domain)
    _turns(store, domain, "twice", 1)

    async def interleave() -> None:
        first, second = await store.retrieve("twice"), await store.retrieve("twice")
        first.update(UserUttered("from the first", PARSE))
        await store.save(first)
        second.update(UserUttered("from the first", PARSE))
        second.update(ActionExecuted("action_listen"))
        await store.save(second)

    asyncio.run(interleave())
    types = [row["type_name"] for row in _rows(store, "twice")]
    assert types == [
        "action",
        "session_started",
        "action",
        "user",
        "action",
        "bot",
        "slot",
        "action",
        "user",
        "action",
    ]


def test_sqlite_tracker_store_keeps_connections_and_skips_the_fsync(tmp_path: Path, domain):
    store = _store(ServatorSQLTrackerStore, sqlite_url(tmp_path), domain)
    assert type(store.engine.pool).__name__ == "QueuePool"
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_retrieve_loads_only_the_latest_session_as_rasa_does(database_url, domain):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    ours, rasas = (
        _store(ServatorSQLTrackerStore, database_url, domain),
        _store(SQLTrackerStore, database_url, domain),
    )
    _turns(ours, domain, "sessions", 4)

    async def new_session() -> None:
        tracker = await ours.retrieve("sessions")
        tracker.update(ActionExecuted("action_session_start"))
        for event in (
            SessionStarted(),
            SlotSet("report_description", "carried"),
            ActionExecuted("action_listen"),
            UserUttered("after the roll-over", PARSE),
        ):
            tracker.update(event)
        await ours.save(tracker)

    asyncio.run(new_session())
    mine = asyncio.run(ours.retrieve("sessions"))
    theirs = asyncio.run(rasas.retrieve("sessions"))
    assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in theirs.events]
    assert [type(e).__name__ for e in mine.events] == [
        "SessionStarted",
        "SlotSet",
        "ActionExecuted",
        "UserUttered",
    ]
    assert mine.get_slot("report_description") == "carried"
    assert asyncio.run(ours.retrieve("nobody")) is None


def test_sqlite_finds_the_latest_session_through_the_indexes(tmp_path: Path, domain):
    from servator.rasa_runtime.tracker_store import LATEST_SESSION_EVENTS

    store = _store(ServatorSQLTrackerStore, sqlite_url(tmp_path), domain)
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                sa.text(f"EXPLAIN QUERY PLAN {LATEST_SESSION_EVENTS.text}"), {"sender_id": "x"}
            )
        )
    assert "ix_events_sender_type_time" in plan and "ix_events_sender_time" in plan, plan
    assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), plan


def test_a_turn_is_one_select_and_one_insert_and_a_new_conversation_no_count(tmp_path: Path, domain):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered

    store = _store(ServatorSQLTrackerStore, sqlite_url(tmp_path), domain)
    statements: list[str] = []
    sa.event.listen(
        store.engine, "before_cursor_execute", lambda _c, _k, sql, *_: statements.append(sql.split()[0])
    )

    async def first_turns() -> None:
        tracker = await store.get_or_create_tracker("new", append_action_listen=False)  # as Rasa's processor
        for event in (
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
        ):
            tracker.update(event)
        tracker.update(UserUttered("hello", PARSE))
        await store.save(tracker)
        statements.append("--")
        tracker = await store.retrieve("new")
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    asyncio.run(first_turns())
    assert statements == ["SELECT", "INSERT", "--", "SELECT", "INSERT"]
    assert [row["type_name"] for row in _rows(store, "new")] == [
        "action",
        "session_started",
        "action",
        "user",
        "action",
    ]


def test_a_restarted_conversation_is_deleted_not_saved_and_never_written_back(database_url, domain):
    """Rasa's in-memory tracker of the turn still holds every old event: none may come back."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, UserUttered

    store = _store(ServatorSQLTrackerStore, database_url, domain)
    _turns(store, domain, "forgotten", 3)
    _turns(store, domain, "kept", 1)

    async def forget_then_talk() -> None:
        tracker = await store.retrieve("forgotten")
        tracker.update(UserUttered("/cancel", PARSE))
        tracker.update(ActionExecuted("action_cancel_report"))
        tracker.update(BotUttered("deleted"))
        tracker.update(Restarted())
        await store.save(tracker)
        assert await store.retrieve("forgotten") is None
        await store.save(tracker)  # the same in-memory tracker saved again: still nothing
        assert await store.retrieve("forgotten") is None

    asyncio.run(forget_then_talk())
    assert _rows(store, "forgotten") == []
    assert len(_rows(store, "kept")) == 3 + 5, "other conversations are untouched"
    _turns(store, domain, "forgotten", 1)
    assert not any("message 2" in row["data"] for row in _rows(store, "forgotten"))


def test_a_restarted_conversation_keeps_only_the_reference_set_after_the_restart(database_url, domain):
    """A report sent: every answer goes, the reference alone stays, for "what was my reference?"."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, SlotSet, UserUttered

    store = _store(ServatorSQLTrackerStore, database_url, domain)
    _turns(store, domain, "sent", 2)

    async def send_then_talk() -> None:
        tracker = await store.retrieve("sent")
        tracker.update(UserUttered("/affirm", PARSE))
        tracker.update(ActionExecuted("action_submit_report"))
        tracker.update(BotUttered("Your reference is SRV-20261206-YA6WTR."))
        tracker.update(SlotSet("report_description", None))
        tracker.update(SlotSet("last_reference", "SRV-20261101-ABCDEF"))  # before: not kept
        tracker.update(Restarted())
        tracker.update(SlotSet("last_reference", "SRV-20261206-YA6WTR"))
        tracker.update(SlotSet("report_description", "set after the restart, but not a kept slot"))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
        await store.save(tracker)  # saved again: the same one reference, nothing more
        kept = await store.retrieve("sent")
        assert kept is not None and kept.get_slot("last_reference") == "SRV-20261206-YA6WTR"
        assert kept.get_slot("report_description") is None

    asyncio.run(send_then_talk())
    rows = _rows(store, "sent")
    assert [(row["type_name"], row["action_name"]) for row in rows] == [
        ("slot", "last_reference"),
        ("action", "action_listen"),
    ]
    assert not any("value 1" in row["data"] or "/affirm" in row["data"] for row in rows)


def test_database_url_options_reach_the_tracker_store():
    config = tracker_store_config(
        "postgresql://user:pw@db.example:5432/servator?sslmode=require&application_name=x"
    )
    assert config["query"] == {"sslmode": "require", "application_name": "x"}
    assert "query" not in tracker_store_config("sqlite:////tmp/servator.db")


@pytest.mark.postgres
def test_database_url_options_are_used_by_the_tracker_store_s_connection(domain):
    """application_name is visible to PostgreSQL only if the option reached the connection."""
    with postgres_database() as url:
        name = "servator-perimeter-test"
        store = _store(ServatorSQLTrackerStore, f"{url}?application_name={name}", domain)
        try:
            with store.engine.connect() as connection:
                assert connection.exec_driver_sql("SHOW application_name").scalar() == name
        finally:
            store.engine.dispose()
