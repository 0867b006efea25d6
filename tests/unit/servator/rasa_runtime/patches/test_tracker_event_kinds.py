"""A tracker's applied events, prior trackers, latest restart and updates are Rasa's own."""

from __future__ import annotations

import random
from typing import Any

import pytest

from servator.rasa_runtime.patches import tracker_event_kinds
from servator.rasa_runtime.patches.tracker_event_kinds import SYMBOLS

LOOPS = ("report_form", "check_form")
ACTIONS = ("action_listen", "utter_greet", "utter_ask_place", *LOOPS)
INTENTS = ("greet", "inform", "cancel")


def _original(name: str) -> Any:
    from rasa.shared.core.trackers import DialogueStateTracker

    symbol = next(symbol for symbol in SYMBOLS if symbol.endswith(f".{name}"))
    return tracker_event_kinds._originals.get(symbol, getattr(DialogueStateTracker, name))


@pytest.fixture(autouse=True)
def _patched() -> None:
    from servator.rasa_runtime import patches

    patches.apply()


def _event(rng: random.Random, clock: float) -> Any:
    from rasa.shared.core import events

    kind = rng.random()
    if kind < 0.3:
        return events.ActionExecuted(rng.choice(ACTIONS), timestamp=clock, hide_rule_turn=rng.random() < 0.2)
    if kind < 0.5:
        return events.UserUttered("text", {"name": rng.choice(INTENTS)}, timestamp=clock)
    if kind < 0.62:
        return events.ActiveLoop(rng.choice((*LOOPS, None)), timestamp=clock)
    if kind < 0.72:
        return events.SlotSet("place", rng.choice(("the station", None)), timestamp=clock)
    if kind < 0.78:
        return events.ActionExecutionRejected(rng.choice(LOOPS), timestamp=clock)
    if kind < 0.82:
        return events.DefinePrevUserUtteredFeaturization(rng.random() < 0.5, timestamp=clock)
    if kind < 0.86:
        return events.UserUtteranceReverted(timestamp=clock)
    if kind < 0.9:
        return events.ActionReverted(timestamp=clock)
    if kind < 0.93:
        return events.Restarted(timestamp=clock)
    if kind < 0.96:
        return events.SessionStarted(timestamp=clock)
    return events.BotUttered("hello", timestamp=clock)


def _conversation(rng: random.Random) -> list[Any]:
    return [_event(rng, float(clock)) for clock in range(1, rng.randint(1, 60))]  # 0 means now


def _tracker(evts: list[Any], cls: Any = None) -> Any:
    from rasa.shared.core.slots import TextSlot
    from rasa.shared.core.trackers import DialogueStateTracker

    slots = [TextSlot("place", [{"type": "from_text"}])]
    return (cls or DialogueStateTracker).from_events("someone", evts, slots)


def _state(tracker: Any) -> dict[str, Any]:
    """What a person would see change: the tracker's current state, as Rasa dumps it."""
    from rasa.shared.core.trackers import EventVerbosity

    return tracker.current_state(EventVerbosity.ALL)  # type: ignore[no-any-return]


def test_applied_events_and_the_latest_restart_are_rasas_on_random_conversations():
    rng = random.Random(14)
    undone = 0
    for _ in range(600):
        tracker = _tracker(_conversation(rng))
        expected = _original("applied_events")(tracker)
        assert tracker.applied_events() == expected
        assert [id(event) for event in tracker.applied_events()] == [id(event) for event in expected]
        assert tracker.idx_after_latest_restart() == _original("idx_after_latest_restart")(tracker)
        undone += len(expected) < len(tracker.events)
    assert undone > 300, "the conversations revert, restart and rerun loops"


def test_the_prior_trackers_are_rasas():
    rng = random.Random(7)
    for _ in range(150):
        tracker = _tracker(_conversation(rng))
        ours = [(_state(prior), hidden) for prior, hidden in tracker.generate_all_prior_trackers()]
        rasas = [
            (_state(prior), hidden) for prior, hidden in _original("generate_all_prior_trackers")(tracker)
        ]
        assert ours == rasas


def test_update_applies_and_tags_the_event_as_rasa_does():
    from rasa.shared.core.events import SlotSet

    for seed in range(100):
        ours, rasas = _tracker([]), _tracker([])
        for tracker, update in ((ours, ours.update), (rasas, _original("update").__get__(rasas))):
            tracker.model_id, tracker.assistant_id = "model-1", "assistant-1"
            for event in _conversation(random.Random(seed)):  # new events: update tags them
                update(event)
        assert _state(ours) == _state(rasas)
        assert [event.metadata for event in ours.events] == [event.metadata for event in rasas.events]
    tagged = _tracker([])
    tagged.model_id = "model-1"
    tagged.update(SlotSet("place", "the station"))
    assert tagged.events[-1].metadata == {"model_id": "model-1"}
    with pytest.raises(ValueError, match="subclass of Event"):
        tagged.update("not an event")


def test_a_tracker_class_with_its_own_loop_helper_gets_rasas_applied_events():
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    class NeverUndoes(DialogueStateTracker):
        def _first_loop_execution_or_unhappy_path(self, loop_action_name: str, applied: list[Any]) -> bool:
            return True

    evts = [
        ActiveLoop("report_form"),
        ActionExecuted("report_form"),
        UserUttered("x", {"name": "inform"}),
        ActionExecuted("report_form"),
    ]
    assert len(_tracker(evts, NeverUndoes).applied_events()) == 4
    assert len(_tracker(evts).applied_events()) == 2, "Rasa undoes the loop's earlier turn"
