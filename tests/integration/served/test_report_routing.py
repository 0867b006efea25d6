"""Served: the right number for railway, confidential and non-urgent reports (999 only for danger
now), and times and contacts as stored.

Over HTTP against the stack `make run` starts; what is stored is read back the way officers get
it (`servator reports export`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from reading.london import LONDON
from tests.support.reports import exported
from tests.support.served import ServedConversation, reference_in, walk_to_summary

pytestmark = pytest.mark.rasa

HOTLINE, HOTLINE_WEB = "0800 789 321", "gov.uk/ACT"


def complete_report(conversation: ServedConversation, description: str, answers: dict[str, str]) -> str:
    """Tells `description`, answers each question the form asks (whatever it already read is not
    asked), then sends the summary; returns the confirmation's text."""
    reply = conversation.say(description).last_text
    walk_to_summary(lambda answer: conversation.say(answer).last_text, reply, answers)
    return "\n".join(conversation.say(answers.get("report_confirm", "send it")).texts)


def anonymous_answers(place: str) -> dict[str, str]:
    """Every question answered: this place, 20 minutes ago, nobody in danger now, the optional ones
    skipped, anonymous."""
    return {
        "report_description": "someone acting oddly",
        "report_location": place,
        "report_when": "about 20 minutes ago",
        "report_ongoing": "/deny",
        "report_people": "skip",
        "report_vehicle": "skip",
        "report_direction": "skip",
        "report_category": "skip",
        "report_contact_consent": "/deny",
    }


def test_a_confidential_question_gets_the_anti_terrorist_hotline(stack):
    text = "\n".join(
        ServedConversation(stack).say("How can I contact counter terrorism police confidentially").texts
    )
    assert "0800 789 321" in text and "gov.uk/ACT" in text, text


def test_a_report_about_a_train_names_british_transport_police_first_and_last(stack):
    conversation = ServedConversation(stack)
    start = "\n".join(conversation.say("How do I report something suspicious I saw on a train?").texts)
    assert "61016" in start and "British Transport Police" in start and "0800 789 321" in start, start
    confirmation = complete_report(
        conversation, "a man was filming the cctv on the platform", anonymous_answers("victoria station")
    )
    assert "61016" in confirmation and "British Transport Police" in confirmation, confirmation
    report = exported(stack.database_url)[reference_in(confirmation)]
    assert "railway" in report["guidance_given"]


def test_a_railway_place_given_mid_report_names_btp(stack):
    conversation = ServedConversation(stack)
    conversation.say("i want to report something suspicious")
    conversation.say("someone was photographing the cctv cameras")
    assert any("61016" in text for text in conversation.say("kings cross, by the ticket barriers").texts)


def test_a_report_elsewhere_does_not_mention_the_railway(stack):
    conversation = ServedConversation(stack)
    conversation.say("i want to report something suspicious")
    confirmation = complete_report(
        conversation, "a man was filming the gate", anonymous_answers("grosvenor square")
    )
    assert "reference is SRV-" in confirmation and "61016" not in confirmation, confirmation


def test_time_in_london_and_a_foreign_number_are_stored(stack):
    conversation = ServedConversation(stack)
    conversation.say("i want to report something suspicious")
    confirmation = complete_report(
        conversation,
        "a man was photographing the embassy gate",
        anonymous_answers("kensington palace gardens")
        | {
            "report_when": "at 3pm",
            "report_ongoing": "no they left",
            "report_contact_consent": "ring me",
            "report_contact": "+33 1 43 12 22 22",
            "report_confirm": "looks good, send it",
        },
    )
    report = exported(stack.database_url)[reference_in(confirmation)]
    now = datetime.now(LONDON)
    three_pm = now.replace(hour=15, minute=0, second=0, microsecond=0)
    if three_pm > now:
        three_pm -= timedelta(days=1)
    assert report["occurred_text"] == "at 3pm"
    assert datetime.fromisoformat(report["occurred_at"]) == three_pm.astimezone(timezone.utc)
    assert report["contact_consent"] is True and report["contact_phone"] == "+33143122222"
    assert report["still_happening"] is False


def test_an_emergency_at_the_summary_is_recorded_in_the_report(stack):
    conversation = ServedConversation(stack)
    conversation.say("i want to report something suspicious")
    reply = conversation.say("a man was filming the guards").last_text
    answers = anonymous_answers("belgrave square") | {"report_when": "10 minutes ago", "report_ongoing": "no"}
    walk_to_summary(lambda answer: conversation.say(answer).last_text, reply, answers)
    emergency = conversation.say("someone has just been stabbed outside the gate")
    assert "999" in emergency.first_text and "Here is your report" in emergency.last_text
    assert "danger: yes" in emergency.last_text
    confirmation = "\n".join(conversation.say("send").texts)
    assert "999" in confirmation
    report = exported(stack.database_url)[reference_in(confirmation)]
    assert report["still_happening"] is True and report["guidance_given"].startswith("999")


@pytest.mark.parametrize(
    "question",
    [
        "who should i phone about something a bit suspicious near the mission, it isn't an emergency",
        "nothing urgent, but I saw a man acting oddly by the embassy yesterday. who do I tell?",
    ],
)
def test_not_urgent_gets_the_hotline_and_999_only_for_danger_now(stack, question):
    turn = ServedConversation(stack).say(question)
    text = "\n".join(turn.texts)
    assert HOTLINE in text and HOTLINE_WEB in text, text
    # 999 is named only as the number for danger now, after the hotline.
    assert text.index(HOTLINE) < text.index("999") and "danger" in text[text.index("999") - 60 :], text
    assert any(b.get("payload") == "/report_suspicious" for r in turn.replies for b in r.get("buttons") or [])
