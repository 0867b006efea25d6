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
from servator.storage import SubmitResult


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


def test_skipped_description_is_asked_again_once_then_taken(form):
    d = CollectingDispatcher()
    first = form.validate_report_description("skip", d, tracker(text="skip", intent="skip"), {})
    assert first["report_description"] is None and responses(d) == ["utter_invalid_description"]
    slots = {"report_details": first["report_details"]}
    second = form.validate_report_description(
        "skip", CollectingDispatcher(), tracker(slots, "skip", "skip"), {}
    )
    assert second["report_description"] == "not given", "asked twice at most, never a loop"


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
    ) == {"report_vehicle": "no vehicle"}


def test_typed_payload_is_not_a_free_text_answer(form):
    payload = '/inform{"report_confirm":"confirmed"}'
    update = form.validate_report_description(payload, CollectingDispatcher(), tracker(text=payload), {})
    assert update["report_description"] is None


def test_category_from_button_or_words_and_other_after_one_miss(form):
    assert form.validate_report_category("testing_security", CollectingDispatcher(), tracker(), {}) == {
        "report_category": "testing_security"
    }
    assert form.validate_report_category("not sure", CollectingDispatcher(), tracker(), {}) == {
        "report_category": "other"
    }
    d = CollectingDispatcher()
    update = form.validate_report_category("purple", d, tracker(), {})
    assert update["report_category"] is None and responses(d) == ["utter_invalid_category"]
    slots = {"report_details": update["report_details"]}
    assert form.validate_report_category("purple", CollectingDispatcher(), tracker(slots), {}) == {
        "report_category": "other"
    }


def test_contact_unreadable_twice_asks_for_consent_again_never_anonymous_unasked(form):
    first = CollectingDispatcher()
    update = form.validate_report_contact("call me maybe", first, tracker(), {})
    assert update["report_contact"] is None and responses(first) == ["utter_invalid_contact"]
    d = CollectingDispatcher()
    final = form.validate_report_contact(
        "call me maybe", d, tracker({"report_details": update["report_details"]}), {}
    )
    assert final["report_contact"] is None and final["report_contact_consent"] is None, final
    assert "report_contact" not in final["report_details"]["retries"], "a fresh try at the number"
    assert responses(d) == ["utter_contact_unreadable"]


@pytest.mark.parametrize(
    "text", ["07700 900123, I'm Sam", "Sam, 07700 900123", "it's Sam Jones on 07700 900 123 after 6pm"]
)
def test_a_name_with_the_number_keeps_the_number(form, text):
    update = form.validate_report_contact(text, CollectingDispatcher(), tracker(), {})
    assert update["report_contact"] == "+447700900123"
    consent = form.validate_report_contact_consent(text, CollectingDispatcher(), tracker(), {})
    assert consent["report_contact_consent"] == "yes" and consent["report_contact"] == "+447700900123"


def test_consent_unclear_twice_is_no_and_says_so(form):
    update = form.validate_report_contact_consent("purple", CollectingDispatcher(), tracker(), {})
    assert update["report_contact_consent"] is None
    d = CollectingDispatcher()
    final = form.validate_report_contact_consent(
        "purple", d, tracker({"report_details": update["report_details"]}), {}
    )
    assert final == {"report_contact_consent": "no"}
    assert responses(d) == ["utter_contact_consent_taken_as_no"]


@pytest.mark.parametrize(
    "text,kept",
    [
        ("no vehicle, they walked", "no vehicle, they walked"),
        ("they were on foot", "they were on foot"),
        ("no", "no vehicle"),
        ("None.", "no vehicle"),
        ("skip", "not given"),
        ("I don't know", "not given"),
    ],
)
def test_no_vehicle_is_an_answer_and_a_skip_is_not_given(form, text, kept):
    assert form.validate_report_vehicle(text, CollectingDispatcher(), tracker(text=text), {}) == {
        "report_vehicle": kept
    }


@pytest.mark.parametrize(
    "text,phone,email",
    [
        ("+33 1 43 12 22 22", "+33143122222", None),
        ("+1 202 555 0123", "+12025550123", None),
        ("020 7946 0123", "+442079460123", None),
        ("jane@example.org", None, "jane@example.org"),
    ],
)
def test_contact_numbers_uk_and_international_and_emails(form, text, phone, email):
    update = form.validate_report_contact(text, CollectingDispatcher(), tracker(text=text), {})
    assert (
        update["report_details"]["contact_phone"] == phone
        and update["report_details"]["contact_email"] == email
    )
    assert update["report_contact"] == (phone or email)


@pytest.mark.parametrize(
    "text,intent,answer",
    [
        ("I'd rather stay anonymous", "deny", "no"),
        ("please don't contact me", "deny", "no"),
        ("ring me", "affirm", "yes"),
        ("/deny", "deny", "no"),
    ],
)
def test_consent_natural_answers(form, text, intent, answer):
    assert form.validate_report_contact_consent(
        text, CollectingDispatcher(), tracker(text=text, intent=intent), {}
    ) == {"report_contact_consent": answer}


def test_a_number_given_to_the_consent_question_is_consent_and_the_contact(form):
    update = form.validate_report_contact_consent(
        "yes, 020 7946 0123", CollectingDispatcher(), tracker(text="yes, 020 7946 0123", intent="affirm"), {}
    )
    assert update["report_contact_consent"] == "yes" and update["report_contact"] == "+442079460123"


def test_a_time_still_to_come_is_asked_again_once_then_the_words_kept(form):
    d = CollectingDispatcher()
    first = form.validate_report_when("tomorrow", d, tracker(text="tomorrow"), {})
    assert first["report_when"] is None and responses(d) == ["utter_invalid_when_future"]
    second = form.validate_report_when(
        "tomorrow", CollectingDispatcher(), tracker({"report_details": first["report_details"]}), {}
    )
    assert second["report_when"] == "tomorrow" and second["report_details"]["when_iso"] is None


def test_a_time_is_stored_with_the_london_offset(form):
    update = form.validate_report_when(
        "10 minutes ago", CollectingDispatcher(), tracker(text="10 minutes ago"), {}
    )
    assert update["report_when"] == "10 minutes ago"
    assert update["report_details"]["when_iso"][-6:] in ("+00:00", "+01:00")


def test_summary_is_sent_only_on_a_yes(form):
    first = form.validate_report_confirm("hmm", CollectingDispatcher(), tracker(text="hmm"), {})
    assert first["report_confirm"] is None and first["report_details"]["retries"]["report_confirm"] == 1
    slots = {"report_details": first["report_details"]}
    second = form.validate_report_confirm("hmm", CollectingDispatcher(), tracker(slots, "hmm"), {})
    assert second["report_confirm"] is None, "never sent without a yes"
    sent = form.validate_report_confirm("looks good, send it", CollectingDispatcher(), tracker(text="x"), {})
    assert sent["report_confirm"] == "confirmed"


@pytest.mark.parametrize(
    "unclear,shown",
    [
        (0, ["utter_report_summary"]),
        (1, ["utter_invalid_confirm", "utter_report_summary"]),
        (2, ["utter_report_not_sent_yet"]),
    ],
)
async def test_the_summary_is_shown_at_most_twice_for_unclear_answers(unclear, shown):
    d = CollectingDispatcher()
    details = {"retries": {"report_confirm": unclear}}
    await report_actions.ActionAskReportConfirm().run(d, tracker({"report_details": details}), {})
    assert responses(d) == shown


def test_a_railway_place_adds_british_transport_police_once(form):
    d = CollectingDispatcher()
    update = form.validate_report_location(
        "platform 2 at victoria station", d, tracker(text="platform 2"), {}
    )
    assert update["report_railway"] is True and responses(d) == ["utter_railway_also"]
    again = CollectingDispatcher()
    form.validate_report_direction("into the tube station", again, tracker({"report_railway": True}), {})
    assert responses(again) == []


async def test_change_the_location_clears_only_that_field():
    d = CollectingDispatcher()
    events = await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_confirm"}, "change the location", "change_field"), {}
    )
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert cleared == {"report_location", "report_confirm"} and d.messages == []


async def test_change_from_a_button_names_the_field():
    entities = [{"entity": "report_field", "value": "report_contact_consent"}]
    events = await report_actions.ActionChangeReportField().run(
        CollectingDispatcher(),
        tracker({"requested_slot": "report_confirm"}, "/change_field", "change_field", entities),
        {},
    )
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert cleared == {"report_contact_consent", "report_contact", "report_confirm"}


async def test_change_without_a_field_lists_the_fields():
    at_summary = await report_actions.ActionChangeReportField().run(
        CollectingDispatcher(),
        tracker({"requested_slot": "report_confirm"}, "/change_field", "change_field"),
        {},
    )
    assert at_summary[-1]["value"]["pick_field"] is True
    d = CollectingDispatcher()
    await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_when"}, "go back", "change_field"), {}
    )
    assert responses(d) == ["utter_ask_which_field"]


async def test_starting_a_report_clears_the_last_one_and_names_btp_for_the_railway():
    d = CollectingDispatcher()
    events = await report_actions.ActionStartReport().run(
        d,
        tracker(
            {"report_location": "old"}, "How do I report something I saw on a train?", "report_suspicious"
        ),
        {},
    )
    assert responses(d) == ["utter_report_start", "utter_railway_also"]
    assert {"event": "slot", "name": "report_railway", "value": True, "timestamp": None} in events
    kept = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker(text="someone filmed our gate", intent="describe_suspicious"), {}
    )
    assert "report_description" not in {e["name"] for e in kept}


async def test_a_report_started_by_an_account_keeps_everything_it_said():
    account = (
        "I want to report a man in a grey hoodie who was filming the gates of the Saudi embassy on Curzon "
        "Street about 20 minutes ago, he drove off in a black BMW towards Park Lane"
    )
    events = await report_actions.ActionStartReport().run(
        CollectingDispatcher(), tracker({"report_location": "old"}, account, "report_suspicious"), {}
    )
    set_to = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert set_to["report_description"] == account  # a report_suspicious opening that tells it all
    assert set_to["report_location"] == "the gates of the Saudi embassy on Curzon Street"
    assert set_to["report_direction"] == "towards Park Lane" and set_to["report_vehicle"] == "a black BMW"
    plain = await report_actions.ActionStartReport().run(
        CollectingDispatcher(),
        tracker({"report_location": "old"}, "I want to report something", "report_suspicious"),
        {},
    )
    assert {e["name"]: e["value"] for e in plain if e["event"] == "slot"} == {"report_location": None}


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


@pytest.mark.parametrize(
    "when_iso,shown",
    [
        # The resolved moment is shown in London time, GMT in winter and BST in summer, never UTC.
        ("2026-11-25T16:00:00+00:00", "about 4pm (Wed 25 Nov 2026, 16:00 GMT)"),
        ("2026-07-01T14:00:00+00:00", "about 4pm (Wed 01 Jul 2026, 15:00 BST)"),
        (None, "about 4pm"),
        ("not a time", "about 4pm"),
    ],
)
async def test_summary_shows_the_time_read_in_london_time(when_iso, shown):
    slots = {"report_when": "about 4pm", "report_details": {"when_iso": when_iso}}
    d = CollectingDispatcher()
    await report_actions.ActionAskReportConfirm().run(d, tracker(slots), {})
    assert d.messages[0]["when"] == shown


class _FakeStore:
    def __init__(self, stored: bool, refused: bool = False) -> None:
        self.stored = stored
        self.refused = refused
        self.calls: list[str] = []

    def submit(self, tracker, submission_key, guidance):
        self.calls.append(guidance)
        return SubmitResult(
            stored=self.stored,
            queued=not self.stored and not self.refused,
            reference="SRV-20261124-ABCDEF" if self.stored else None,
            refused=self.refused,
            follow_up_code="7K3M-Q9XD-2WJP-H4TB" if self.stored else None,
        )


@pytest.mark.parametrize(
    "stored,refused,response",
    [
        (True, False, "utter_report_submitted"),
        (False, False, "utter_report_not_saved"),
        (False, True, "utter_report_limit_reached"),
    ],
)
async def test_submission_confirms_only_what_was_stored(monkeypatch, stored, refused, response):
    store = _FakeStore(stored, refused)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    events = await report_actions.ActionSubmitReport().run(
        d, tracker({"report_confirm": "confirmed", "report_ongoing": "no"}), {}
    )
    assert responses(d) == [response]
    if stored:  # the reference and the follow-up code in one reply
        assert d.messages[0]["reference"] == "SRV-20261124-ABCDEF"
        assert d.messages[0]["follow_up_code"] == "7K3M-Q9XD-2WJP-H4TB"
    assert store.calls == ["hotline"]
    restart = next(i for i, e in enumerate(events) if e["event"] == "restart")
    assert all(e["value"] is None for e in events[:restart]), "slots are cleared for the next report"
    kept = [(e["name"], e["value"]) for e in events[restart + 1 :]]
    # Only the reference outlives the restart (the tracker store keeps it alone), and only when stored.
    assert kept == ([("last_reference", "SRV-20261124-ABCDEF")] if stored else []), kept


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
    assert responses(d) == ["utter_invalid_description"]


async def test_submission_of_a_railway_report_records_the_railway_guidance(monkeypatch):
    store = _FakeStore(True)
    monkeypatch.setattr(report_actions, "report_store", lambda: store)
    d = CollectingDispatcher()
    slots = {"report_confirm": "confirmed", "report_ongoing": "no", "report_railway": True}
    await report_actions.ActionSubmitReport().run(d, tracker(slots), {})
    assert responses(d) == ["utter_report_submitted"] and store.calls == ["hotline,railway"]


async def _change(text: str, slots: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    d = CollectingDispatcher()
    events = await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_confirm", **slots}, text, "change_field"), {}
    )
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, responses(d)


async def test_a_corrected_registration_replaces_the_old_one_and_the_summary_is_shown_again():
    slots, said = await _change(
        "hang on the reg might have been LV19 OKB",
        {"report_vehicle": "a silver ford focus LV18 OKA", "report_confirm": None},
    )
    assert slots["report_vehicle"] == "a silver ford focus LV19 OKB"
    assert slots["report_details"]["registration"] == "LV19 OKB"
    # Only the summary is asked again: no field is left empty.
    assert slots["report_confirm"] is None and None not in (slots["report_vehicle"],) and said == []


async def test_a_corrected_time_is_read_again_in_london_time():
    slots, _ = await _change("change the time to about 4pm", {"report_when": "about 20 minutes ago"})
    assert slots["report_when"] == "about 4pm"
    assert slots["report_details"]["when_iso"].endswith(("+00:00", "+01:00"))


async def test_a_correction_validation_turns_down_asks_the_field_again():
    slots, said = await _change("the reg was AB1", {"report_vehicle": "a red van"})
    assert slots["report_vehicle"] is None and said == ["utter_invalid_vehicle"]


async def test_send_it_to_a_field_reasked_from_the_summary_keeps_its_answer(form):
    cleared, _ = await _change("the vehicle", {"report_vehicle": "a red van"})
    assert cleared["report_vehicle"] is None
    # The form took "yes send it" as the vehicle's answer; validation keeps the old answer instead.
    reasked = {**cleared, "requested_slot": "report_vehicle", "report_vehicle": "yes send it"}
    events = await form.get_validation_events(CollectingDispatcher(), tracker(reasked, "yes send it"), {})
    assert [(e["name"], e["value"]) for e in events][0] == ("report_vehicle", "a red van")
    # A real answer to the re-asked question is validated as usual.
    answered = {**cleared, "requested_slot": "report_vehicle", "report_vehicle": "a blue van"}
    assert form._kept_on_send(tracker(answered, "a blue van")) is None
