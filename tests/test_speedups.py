"""The speed-ups keep Rasa's behaviour: the same stored rows, events, graph outputs and validation."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List

import pytest
import sqlalchemy as sa

from servator import speedups
from servator.runner import tracker_store_config
from servator.tracker_store import ServatorSQLTrackerStore
from storage_helpers import postgres_database, sqlite_url

PARSE = {"intent": {"name": "faq", "confidence": 0.9}, "entities": [], "text": "what is servator",
         "intent_ranking": [{"name": "faq", "confidence": 0.9}, {"name": "greet", "confidence": 0.1}]}


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

    from servator.settings import ROOT

    return Domain.load(str(ROOT / "domain"))


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
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
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


def _rows(store, sender: str) -> List[Dict[str, Any]]:
    columns = ("type_name", "intent_name", "action_name", "data")
    with store.engine.connect() as connection:
        result = connection.execute(sa.text(
            f"SELECT {', '.join(columns)} FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender})
        return [dict(zip(columns, row)) for row in result]


def _without_timestamps(rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    import json

    cleaned = []
    for row in rows:
        data = json.loads(row["data"])
        data.pop("timestamp", None)
        cleaned.append({**row, "data": data})
    return cleaned


def test_tracker_store_writes_the_rows_rasa_writes_and_reads_them_back(database_url, domain):
    from rasa.core.tracker_store import SQLTrackerStore

    ours, rasas = _store(ServatorSQLTrackerStore, database_url, domain), _store(SQLTrackerStore, database_url, domain)
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
    assert types == ["action", "session_started", "action", "user", "action", "bot", "slot", "action",
                     "user", "action"]


def test_sqlite_tracker_store_keeps_connections_and_skips_the_fsync(tmp_path: Path, domain):
    store = _store(ServatorSQLTrackerStore, sqlite_url(tmp_path), domain)
    assert type(store.engine.pool).__name__ == "QueuePool"
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_event_types_resolve_as_in_rasa():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(Event):
        assert speedups.resolve_event_type(cls.type_name) is Event.resolve_by_type(cls.type_name)
    assert speedups.resolve_event_type("topic") is None
    with pytest.raises(ValueError):
        speedups.resolve_event_type("no such event")


def test_action_results_are_validated_as_in_rasa():
    from jsonschema import ValidationError

    assert speedups.validate_action_result(None, {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        speedups.validate_action_result(None, {"events": "not a list"})


@pytest.mark.rasa
def test_graph_runs_in_order_give_what_dask_gives(trained_model: Path):
    """The trained model's NLU and dialogue graphs, run both ways, answer the same."""
    from rasa.core.agent import Agent
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.core.channels.channel import UserMessage

    agent = Agent.load(str(trained_model))
    runner = agent.processor.graph_runner
    assert isinstance(runner, DaskGraphRunner)
    metadata = agent.processor.model_metadata
    dask_run = DaskGraphRunner.run if DaskGraphRunner.run is not speedups.run_graph_in_order \
        else speedups._ORIGINALS["DaskGraphRunner.run"]
    for text in ("what is project servator", "a man is filming the gate", "someone has a knife", "hello"):
        inputs = lambda: {"__message__": [UserMessage(text)],  # noqa: E731
                          "__tracker__": DialogueStateTracker("x", agent.domain.slots)}
        theirs = dask_run(runner, inputs(), [metadata.nlu_target])[metadata.nlu_target][0]
        ours = speedups.run_graph_in_order(runner, inputs(), [metadata.nlu_target])[metadata.nlu_target][0]
        assert ours.as_dict(only_output_properties=True) == theirs.as_dict(only_output_properties=True)
    tracker = DialogueStateTracker("x", agent.domain.slots)
    theirs = dask_run(runner, {"__tracker__": tracker}, [metadata.core_target])[metadata.core_target]
    ours = speedups.run_graph_in_order(runner, {"__tracker__": tracker}, [metadata.core_target])[metadata.core_target]
    assert ours.probabilities == theirs.probabilities and ours.policy_name == theirs.policy_name


def test_the_stack_starts_rasa_with_the_speedups_and_vanilla_as_it_comes(tmp_path: Path):
    import yaml

    from servator.runner import rasa_command, write_endpoints

    ours = rasa_command(Path("model.tar.gz"), Path("endpoints.yml"), 5005)
    assert ours[1:4] == ["-m", "servator.rasa_server", "run"]
    vanilla = rasa_command(Path("model.tar.gz"), Path("endpoints.yml"), 5005, speedups=False)
    assert Path(vanilla[0]).name == "rasa" and vanilla[1] == "run"
    url = sqlite_url(tmp_path)
    assert yaml.safe_load(write_endpoints(url, 5055, tmp_path / "a.yml").read_text())["tracker_store"]["type"] \
        == "servator.tracker_store.ServatorSQLTrackerStore"
    assert yaml.safe_load(write_endpoints(url, 5055, tmp_path / "b.yml", speedups=False).read_text())[
        "tracker_store"]["type"] == "sql"
