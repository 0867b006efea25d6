"""A full session rolls over; the new session keeps the slots, the active form and the form's start."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from servator.config.constants import DOMAIN_PATH, LOOP_STARTED_KEY
from servator.rasa_runtime.patches import session_rollover


def _domain() -> Domain:
    return Domain.load(str(DOMAIN_PATH))


def _half_filled_report(domain: Domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(
        "someone",
        [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
            UserUttered("/report_suspicious", {"name": "report_suspicious"}),
            SlotSet("report_description", None),
            ActionExecuted("report_form"),
            ActiveLoop("report_form", timestamp=1000.0),
            SlotSet("requested_slot", "report_description"),
            ActionExecuted("action_listen"),
            UserUttered("a man filming the gate", {"name": "describe_suspicious"}),
            SlotSet("report_description", "a man filming the gate"),
            ActionExecuted("report_form"),
            SlotSet("requested_slot", "report_location"),
            ActionExecuted("action_listen"),
        ],
        domain.slots,
    )
    return tracker


def _start(tracker: DialogueStateTracker, domain: Domain) -> list[Any]:
    return asyncio.run(session_rollover.start_session(None, None, None, tracker, domain))


def test_the_new_session_keeps_each_filled_slot_once_and_the_active_form():
    domain = _domain()
    assert domain.session_config.carry_over_slots, "the domain must carry slots over (domain.yml)"
    tracker = _half_filled_report(domain)
    events = _start(tracker, domain)
    assert isinstance(events[0], SessionStarted) and events[-1] == ActionExecuted("action_listen")
    slots = [(e.key, e.value) for e in events if isinstance(e, SlotSet)]
    assert slots == [("report_description", "a man filming the gate"), ("requested_slot", "report_location")]
    loops = [e for e in events if isinstance(e, ActiveLoop)]
    assert [loop.name for loop in loops] == ["report_form"]
    assert loops[0].metadata[LOOP_STARTED_KEY] == 1000.0

    for event in events:
        tracker.update(event)
    assert tracker.active_loop_name == "report_form"
    assert tracker.get_slot("report_description") == "a man filming the gate"
    assert tracker.get_slot("requested_slot") == "report_location"
    assert tracker.latest_action_name == "action_listen"


def test_a_second_roll_over_keeps_the_time_the_form_first_started():
    domain = _domain()
    tracker = _half_filled_report(domain)
    for _ in range(2):
        for event in _start(tracker, domain):
            tracker.update(event)  # new timestamps, as Rasa's processor gives them
    latest = [e for e in tracker.events if isinstance(e, ActiveLoop)][-1]
    assert latest.timestamp != 1000.0
    assert latest.metadata[LOOP_STARTED_KEY] == 1000.0


def test_nothing_is_carried_when_the_domain_says_so_and_no_form_without_an_active_one():
    domain = _domain()
    tracker = _half_filled_report(domain)
    off = SimpleNamespace(session_config=SimpleNamespace(carry_over_slots=False))
    assert [type(e) for e in _start(tracker, off)] == [SessionStarted, ActionExecuted]
    tracker.update(ActiveLoop(None))
    assert not [e for e in _start(tracker, domain) if isinstance(e, ActiveLoop)]


def test_a_session_ends_when_it_is_full_or_when_rasa_says_it_expired():
    domain = _domain()
    calls: list[int] = []

    def rasa_expiry(self: Any, tracker: Any) -> bool:
        calls.append(len(tracker.events))
        return False

    expired = session_rollover.session_ended(rasa_expiry)
    processor = SimpleNamespace(domain=domain)
    short = DialogueStateTracker.from_events("a", [ActionExecuted("action_listen")] * 10, domain.slots)
    full = DialogueStateTracker.from_events(
        "b", [ActionExecuted("action_listen")] * session_rollover.MAX_SESSION_EVENTS, domain.slots
    )
    assert expired(processor, short) is False and calls == [10]
    assert expired(processor, full) is True
