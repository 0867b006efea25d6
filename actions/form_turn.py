"""This turn of the report form, as the validation reads it: the latest message's intent and entities,
the answer's text, whether it is no answer, and the tracker without the
slots Rasa cleared this turn."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from reading.form import grammar
from reading.language import ENGLISH, known_language
from reading.language.answers import english_form_answer

LANGUAGE_SLOT = "language"


def latest(tracker: Tracker) -> tuple[str | None, list[dict[str, Any]]]:
    message = tracker.latest_message or {}
    return (message.get("intent") or {}).get("name"), message.get("entities") or []


def text(value: Any) -> str:
    return str(value or "").strip()


def language(tracker: Tracker) -> str:
    """The conversation's language (ISO 639-1; English when none was decided)."""
    return known_language(tracker.get_slot(LANGUAGE_SLOT)) or ENGLISH


def skipped(text: str, intent: str | None) -> bool:
    """No answer: empty, a button payload typed as text, "skip", "I don't know"."""
    return not text or grammar.is_payload(text) or intent == "skip" or grammar.is_skip(text)


def without_cleared_candidates(tracker: Tracker) -> Tracker:
    """The tracker minus trailing SlotSet(None) candidates (Rasa appends every slot set this turn)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "slot":
            break
        count += 1
    trailing = tracker.events[len(tracker.events) - count :]
    if all(event.get("value") is not None for event in trailing):
        return tracker
    events = tracker.events[: len(tracker.events) - count] + [
        e for e in trailing if e.get("value") is not None
    ]
    return _copy(tracker, tracker.slots, events)


def answers_in_english(tracker: Tracker) -> Tracker:
    """The tracker with this turn's whole-message form answers in another language ("sí", "no sé",
    "anónimo") as the English answers they mean; anything else stays exactly as written."""
    language = tracker.get_slot(LANGUAGE_SLOT)
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "slot":
            break
        count += 1
    start = len(tracker.events) - count
    events = list(tracker.events)
    slots = dict(tracker.slots)
    for index in range(start, len(events)):
        event = events[index]
        value = event.get("value")
        english = english_form_answer(value, language) if isinstance(value, str) else None
        if english is not None:
            events[index] = {**event, "value": english}
            slots[event.get("name")] = english
    return tracker if events == tracker.events else _copy(tracker, slots, events)


def with_slots(tracker: Tracker, slots: dict[str, Any]) -> Tracker:
    """The tracker with these slot values (the answers validated so far this turn)."""
    return _copy(tracker, slots, tracker.events)


def _copy(tracker: Tracker, slots: dict[str, Any], events: list[dict[str, Any]]) -> Tracker:
    return Tracker(
        tracker.sender_id,
        slots,
        tracker.latest_message,
        events,
        tracker.is_paused(),
        tracker.followup_action,
        tracker.active_loop,
        tracker.latest_action_name,
    )
