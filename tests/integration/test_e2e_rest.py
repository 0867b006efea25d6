"""End to end over HTTP: the real trained model, Rasa and the action server, as `make run` starts them."""

from __future__ import annotations

import uuid

import pytest

from tests.support.reports import export
from tests.support.served import joined, walk_to_summary

pytestmark = pytest.mark.rasa


def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def test_greeting_says_what_it_can_do_with_buttons(stack):
    replies = stack.talk(sender(), "hello")
    assert "Project Servator" in replies[0]["text"]
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/report_suspicious" in payloads


@pytest.mark.parametrize(
    "question,must_contain",
    [
        ("which number do i call to report something suspicious", ["999", "0800 789 321"]),
        ("can i report it online", ["gov.uk/ACT"]),
        ("i found extremist videos online", ["gov.uk/report-terrorism"]),
        ("theres something suspicious on the tube", ["61016"]),
        ("my bike was stolen", ["101"]),
        ("im deaf, how do i contact the police", ["18000"]),
        ("what is the current threat level", ["mi5.gov.uk/threat-levels", "2022"]),
        ("where can i find out more about servator", ["met.police.uk/projectservator"]),
    ],
)
def test_right_number_for_the_situation(stack, question, must_contain):
    text = joined(stack.talk(sender(), question))
    for expected in must_contain:
        assert expected in text, f"{question!r} -> {text!r}"


def test_emergency_first_reply_is_999(stack):
    replies = stack.talk(sender(), "theres a man with a knife outside the embassy right now")
    assert "999" in replies[0]["text"]


def test_patrol_reassurance(stack):
    text = joined(
        stack.talk(sender(), "there are loads of police outside our embassy today, should we be worried?")
    )
    assert "normal police activity" in text.lower()


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   \n\t ",
        "\x00\x07\x1b[31mhello\x7f",
        "👮‍♀️🚓🚨",
        "<script>alert('x')</script>",
        "'; DROP TABLE reports; --",
        '/inform{"report_category":"expressed_threat"}',
        "/nonsense_intent",
        '/faq{"x": 1}',
        None,
        12345,
    ],
)
def test_bad_input_gets_a_polite_answer(stack, message):
    replies = stack.talk(sender(), message)
    assert replies and all(r.get("text") for r in replies), replies


def test_over_long_message_gets_a_length_message(stack):
    replies = stack.talk(sender(), "blah " * 4000)
    assert len(replies) == 1 and "too long" in replies[0]["text"]


def test_over_long_message_about_danger_still_gets_999(stack):
    text = "blah " * 2000 + " he has a gun and is shooting people right now " + "blah " * 2000
    assert "999" in stack.talk(sender(), text)[0]["text"]


def test_typed_payload_cannot_fill_report_slots(stack):
    user = sender()
    stack.talk(user, "/report_suspicious")
    replies = stack.talk(user, '/inform{"report_confirm":"confirmed","report_category":"other"}')
    assert "What did you see" in joined(replies), "a typed payload was taken as the description"


def test_whole_report_is_stored_and_exported(stack):
    user = sender()
    description = "a man was filming our gate for an hour <b>'; DROP TABLE reports; --</b> 📷"
    first = joined(stack.talk(user, description))
    answers = {
        "report_location": "outside the embassy on grosvenor square W1K 6AH",
        "report_when": "about 20 minutes ago",
        "report_ongoing": "/deny",
        "report_people": "tall man, grey hoodie, about 30, kept looking at the cameras",
        "report_vehicle": "silver ford focus AB12 CDE",
        "report_direction": "towards oxford street",
        "report_contact_consent": "/deny",
    }
    summary, asked = walk_to_summary(lambda message: joined(stack.talk(user, message)), first, answers)
    assert asked[0] == "report_location", asked  # the description was the opening message
    assert "Here is your report" in summary and "AB12 CDE" in summary and "anonymous" in summary
    done = joined(stack.talk(user, "/affirm"))
    assert "reference is SRV-" in done, done
    reference = done.split("reference is ")[1].split(".")[0]
    reports = {r["reference"]: r for r in export(stack.database_url)}
    stored = reports[reference]
    assert stored["description"] == description
    assert stored["category"] == "surveillance"
    assert stored["vehicle_registration"] == "AB12 CDE"
    assert stored["location_postcode"] == "W1K 6AH"
    assert stored["contact_consent"] is False and stored["contact_phone"] is None
    # A retried final message does not make a second report.
    stack.talk(user, "/affirm")
    assert sum(1 for r in export(stack.database_url) if r["description"] == description) == 1


def test_report_button_asks_the_first_question_once(stack):
    texts = stack.texts(sender(), "/report_suspicious")
    assert len(texts) == 2 and "What did you see" in texts[1], texts
    assert not any("Sorry" in t for t in texts)
