"""Report actions on tracker fixtures: validation, the summary, submission and its outcomes."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import report_actions
from actions.report_validation import ValidateReportForm


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": "report_form"},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


@pytest.fixture
def form():
    return ValidateReportForm()


def test_description_is_kept_and_suggests_a_category(form):
    d = CollectingDispatcher()
    text = "a man has been filming our gate for an hour"
    update = form.validate_report_description(text, d, tracker(text=text), {})
    assert update == {"report_description": text, "report_category": "surveillance"}


def test_skipped_description_is_asked_again_then_kept(form):
    d = CollectingDispatcher()
    first = form.validate_report_description("skip", d, tracker(text="skip", intent="skip"), {})
    assert first["report_description"] is None and responses(d) == ["utter_ask_report_description"]
    slots = {"report_details": first["report_details"]}
    second = form.validate_report_description("skip", d, tracker(slots, "skip", "skip"), {})
    assert second["report_description"] is None
    slots = {"report_details": second["report_details"]}
    third = form.validate_report_description(
        "skip", CollectingDispatcher(), tracker(slots, "skip", "skip"), {}
    )
    assert third["report_description"] == "skip", "after two re-asks the answer is kept, never a loop"


def test_location_keeps_words_and_extracts_postcode(form):
    entities = [{"entity": "postcode", "value": "W1K 6AH"}, {"entity": "place", "value": "Grosvenor Square"}]
    update = form.validate_report_location(
        "grosvenor square w1k 6ah",
        CollectingDispatcher(),
        tracker(text="grosvenor square w1k 6ah", entities=entities),
        {},
    )
    assert update["report_location"] == "grosvenor square w1k 6ah"
    assert update["report_details"]["postcode"] == "W1K 6AH"


def test_still_happening_yes_says_999_first(form):
    d = CollectingDispatcher()
    update = form.validate_report_ongoing("yes", d, tracker(text="yes", intent="affirm"), {})
    assert update == {"report_ongoing": "yes"}
    assert responses(d) == ["utter_report_danger_first"]


def test_vehicle_registration_normalised_and_bad_one_reasked(form):
    update = form.validate_report_vehicle(
        "silver focus ab12cde", CollectingDispatcher(), tracker(text="silver focus ab12cde"), {}
    )
    assert update["report_details"]["registration"] == "AB12 CDE"
    d = CollectingDispatcher()
    bad = form.validate_report_vehicle("AB1", d, tracker(text="AB1"), {})
    assert bad["report_vehicle"] is None and responses(d) == ["utter_invalid_vehicle"]
    assert form.validate_report_vehicle(
        "no vehicle", CollectingDispatcher(), tracker(text="no vehicle", intent="skip"), {}
    ) == {"report_vehicle": "not given"}


def test_typed_payload_is_not_a_free_text_answer(form):
    payload = '/inform{"report_confirm":"confirmed"}'
    update = form.validate_report_description(payload, CollectingDispatcher(), tracker(text=payload), {})
    assert update["report_description"] is None


def test_category_from_button_or_words_and_other_after_two_misses(form):
    assert form.validate_report_category("testing_security", CollectingDispatcher(), tracker(), {}) == {
        "report_category": "testing_security"
    }
    slots: dict[str, Any] = {}
    for _ in range(2):
        update = form.validate_report_category("purple", CollectingDispatcher(), tracker(slots), {})
        assert update["report_category"] is None
        slots = {"report_details": update["report_details"]}
    assert form.validate_report_category("purple", CollectingDispatcher(), tracker(slots), {}) == {
        "report_category": "other"
    }


def test_contact_invalid_twice_goes_anonymous(form):
    slots: dict[str, Any] = {}
    for _ in range(2):
        update = form.validate_report_contact("call me maybe", CollectingDispatcher(), tracker(slots), {})
        slots = {"report_details": update["report_details"]}
    d = CollectingDispatcher()
    final = form.validate_report_contact("call me maybe", d, tracker(slots), {})
    assert final == {"report_contact": "not given", "report_contact_consent": "no"}
    assert responses(d) == ["utter_contact_given_up"]


def test_change_the_location_clears_only_that_field(form):
    update = form.validate_report_confirm(
        "change the location",
        CollectingDispatcher(),
        tracker(text="change the location", intent="change_field"),
        {},
    )
    assert update["report_confirm"] is None and update["report_location"] is None
    assert "report_description" not in update


def test_change_without_a_field_asks_which(form):
    update = form.validate_report_confirm(
        "/change_field", CollectingDispatcher(), tracker(text="/change_field", intent="change_field"), {}
    )
    assert update["report_details"]["pick_field"] is True


async def test_summary_shows_every_answer():
    slots = {
        "report_description": "filming the gate",
        "report_location": "belgrave square",
        "report_when": "now",
        "report_ongoing": "no",
        "report_people": "not given",
        "report_vehicle": "AB12 CDE",
        "report_direction": "north",
        "report_category": "surveillance",
        "report_contact_consent": "no",
    }
    d = CollectingDispatcher()
    await report_actions.ActionAskReportConfirm().run(d, tracker(slots), {})
    message = d.messages[0]
    assert message["response"] == "utter_report_summary"
    assert message["description"] == "filming the gate" and message["contact"] == "anonymous"
    assert message["category"] == "Filming, photographing or watching"


class _FakeStore:
    def __init__(self, stored: bool) -> None:
        self.stored = stored
        self.calls: list[str] = []

    def submit(self, tracker, submission_key, guidance):
        self.calls.append(guidance)
        return type(
            "R",
            (),
            {
                "stored": self.stored,
                "queued": not self.stored,
                "reference": "SRV-20261124-ABCDEF" if self.stored else None,
            },
        )


@pytest.mark.parametrize(
    "stored,response", [(True, "utter_report_submitted"), (False, "utter_report_not_saved")]
)
async def test_submission_confirms_only_what_was_stored(monkeypatch, stored, response):
    store = _FakeStore(stored)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    events = await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "no"}), {}
    )
    assert responses(d) == [response]
    assert store.calls == ["hotline"]
    assert all(e["value"] is None for e in events), "slots are cleared for the next report"


async def test_submission_with_danger_gives_999_guidance(monkeypatch):
    store = _FakeStore(True)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "yes"}), {}
    )
    assert responses(d) == ["utter_report_submitted_danger"] and store.calls == ["999,hotline"]
    assert d.messages[0]["reference"] == "SRV-20261124-ABCDEF"


class _SlowStore(_FakeStore):
    """Storage that blocks for a while, as a database at its statement timeout does."""

    def submit(self, tracker, submission_key, guidance):
        time.sleep(0.6)
        return super().submit(tracker, submission_key, guidance)


async def test_submission_blocks_no_other_turn_while_storage_is_slow(monkeypatch):
    monkeypatch.setattr(report_actions, "report_store", lambda: _SlowStore(True))
    ticks = 0

    async def other_turns() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1

    ticker = asyncio.create_task(other_turns())
    d = CollectingDispatcher()
    await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "no"}), {}
    )
    ticker.cancel()
    assert responses(d) == ["utter_report_submitted"]
    assert ticks >= 8, f"the event loop ran only {ticks} times during a 0.6 s storage call"


REPORT_FORM_DOMAIN = {
    "forms": {
        "report_form": {
            "required_slots": [
                "report_description",
                "report_location",
                "report_when",
                "report_ongoing",
                "report_people",
                "report_vehicle",
                "report_direction",
                "report_category",
                "report_contact_consent",
                "report_contact",
                "report_confirm",
            ]
        }
    },
    "slots": {},
}


async def test_starting_a_report_after_a_reset_asks_nothing_twice(form):
    """The report button resets every slot to None; those are not answers and get no error hints."""
    cleared = [
        {"event": "slot", "name": slot, "value": None}
        for slot in REPORT_FORM_DOMAIN["forms"]["report_form"]["required_slots"]
    ]
    events = [
        {"event": "user", "text": "/report_suspicious"},
        {"event": "action", "name": "action_reset_report"},
        *cleared,
    ]
    d = CollectingDispatcher()
    result = await form.get_validation_events(
        d, tracker(text="/report_suspicious", intent="report_suspicious", events=events), REPORT_FORM_DOMAIN
    )
    assert d.messages == []
    assert all(e.get("value") is None for e in result if e.get("event") == "slot")


async def test_a_real_answer_next_to_a_reset_is_still_validated(form):
    events = [
        {"event": "user", "text": "skip"},
        {"event": "slot", "name": "report_people", "value": None},
        {"event": "slot", "name": "report_description", "value": "skip"},
    ]
    d = CollectingDispatcher()
    await form.get_validation_events(
        d, tracker(text="skip", intent="skip", events=events), REPORT_FORM_DOMAIN
    )
    assert responses(d) == ["utter_ask_report_description"]
