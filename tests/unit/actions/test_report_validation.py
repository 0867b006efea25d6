"""The report form's validation (actions/report_validation.py) on tracker fixtures: each answer kept,
read, re-asked once or taken, and the summary's yes."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.report_fields import FIELD_SLOTS
from actions.report_validation import ValidateReportForm
from tests.support.form_trackers import responses, tracker


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


@pytest.mark.parametrize(
    ("text", "intent"), [("skip", "skip"), ("I don't know", "inform"), ("dunno", "inform")]
)
def test_still_happening_skipped_is_not_sure_and_says_999_first(form, text, intent):
    """The form's opening says "skip" works for anything not known: the danger question too."""
    d = CollectingDispatcher()
    update = form.validate_report_ongoing(text, d, tracker(text=text, intent=intent), {})
    assert update == {"report_ongoing": "not sure"}
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


def test_a_railway_place_adds_british_transport_police_once(form):
    d = CollectingDispatcher()
    update = form.validate_report_location(
        "platform 2 at victoria station", d, tracker(text="platform 2"), {}
    )
    assert update["report_railway"] is True and responses(d) == ["utter_railway_also"]
    again = CollectingDispatcher()
    form.validate_report_direction("into the tube station", again, tracker({"report_railway": True}), {})
    assert responses(again) == []


REPORT_FORM_DOMAIN = {
    "forms": {"report_form": {"required_slots": [*FIELD_SLOTS, "report_contact", "report_confirm"]}},
    "slots": {},
}


async def test_which_way_they_went_is_not_asked_while_they_are_still_there(form):
    slots = REPORT_FORM_DOMAIN["forms"]["report_form"]["required_slots"]
    there = await form.required_slots(slots, CollectingDispatcher(), tracker({"report_ongoing": "yes"}), {})
    gone = await form.required_slots(slots, CollectingDispatcher(), tracker({"report_ongoing": "no"}), {})
    assert "report_direction" not in there and "report_direction" in gone
    asked = tracker({"report_ongoing": "yes", "requested_slot": "report_direction"})
    assert "report_direction" in await form.required_slots(slots, CollectingDispatcher(), asked, {})


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


@pytest.mark.parametrize("slot", ["report_people", "report_vehicle", "report_direction"])
@pytest.mark.parametrize("text", ["stay anonymous", "I'd rather stay anonymous please", "anonymously"])
def test_stay_anonymous_said_to_another_question_is_the_contact_choice(form, slot, text):
    d = CollectingDispatcher()
    validate = getattr(form, f"validate_{slot}")
    update = validate(text, d, tracker(text=text), {})
    assert update == {slot: None, "report_contact_consent": "no"}, "never stored as the answer"
    assert responses(d) == ["utter_contact_consent_taken_as_no"]
    again = validate(text, CollectingDispatcher(), tracker({"report_contact_consent": "no"}, text), {})
    assert again == {slot: "not given"}, "said again: no answer, never a loop"


def test_a_description_that_only_mentions_anonymity_is_kept(form):
    text = "a man in a mask, anonymous looking, grey coat"
    assert form.validate_report_people(text, CollectingDispatcher(), tracker(text=text), {}) == {
        "report_people": text
    }
