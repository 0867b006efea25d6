"""Served: corrections, additions and confirmations at the report's summary.

Over HTTP against the stack `make run` starts (the `stack` fixture); what a person sees in the
replies, and what is stored, read back from the reports table officers are given.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from reading.london import LONDON
from tests.support.reports import exported
from tests.support.served import ServedConversation, asks, reference_in, stored_report, walk_to_summary

pytestmark = pytest.mark.rasa

# Every question answered, up to the summary: a vehicle with its registration, nobody in danger, anonymous.
TO_THE_SUMMARY = [
    "/report_suspicious",
    "someone was photographing the security cameras on the corner",
    "belgrave square",
    "about half an hour ago",
    "/deny",
    "skip",
    "a dark grey vauxhall astra, reg KM21 XPD",
    "towards hyde park corner",
    "/deny",
]


def at_the_summary(stack) -> ServedConversation:
    conversation = ServedConversation(stack)
    for answer in TO_THE_SUMMARY:
        turn = conversation.say(answer)
    assert "Here is your report" in turn.last_text, turn.texts
    return conversation


def test_a_registration_corrected_at_the_summary_is_stored_and_the_summary_shown_again(stack):
    conversation = at_the_summary(stack)
    turn = conversation.say("wait, I think the registration was actually KM21 XPB")
    assert turn.texts == [turn.last_text] and "Here is your report" in turn.last_text, turn.texts
    assert "Vehicle: a dark grey vauxhall astra, reg KM21 XPB" in turn.last_text
    confirmation = "\n".join(conversation.say("Send report").texts)
    report = stored_report(stack.database_url, reference_in(confirmation) or "")
    assert report is not None, confirmation
    assert report["vehicle_registration"] == "KM21 XPB"


def test_a_time_changed_at_the_summary_is_resolved_in_london_and_stored(stack):
    conversation = at_the_summary(stack)
    turn = conversation.say("can you update the time to around 2pm please")
    assert "When: around 2pm" in turn.last_text and "Here is your report" in turn.last_text, turn.texts
    confirmation = "\n".join(conversation.say("yep submit it").texts)
    report = exported(stack.database_url)[reference_in(confirmation) or ""]
    now = datetime.now(LONDON)
    two_pm = now.replace(hour=14, minute=0, second=0, microsecond=0)
    if two_pm > now:
        two_pm -= timedelta(days=1)
    assert report["occurred_text"] == "around 2pm"
    assert datetime.fromisoformat(report["occurred_at"]) == two_pm
    # Stored with London's offset, and shown in London time (GMT or BST, not UTC) at the summary.
    assert report["occurred_at_local"] == two_pm.isoformat()
    assert f"When: around 2pm ({two_pm:%a %d %b %Y}, 14:00 {two_pm:%Z})" in turn.last_text, turn.last_text


@pytest.mark.parametrize("send", ["send report", "Submit", "yes, send it please"])
def test_a_typed_send_confirms_the_report(stack, send):
    conversation = at_the_summary(stack)
    confirmation = "\n".join(conversation.say(send).texts)
    assert "Your reference is SRV-" in confirmation, confirmation


def test_send_to_a_question_reasked_from_the_summary_is_not_stored_as_its_answer(stack):
    conversation = at_the_summary(stack)
    assert asks("report_vehicle", conversation.say("I need to change the vehicle").last_text)
    turn = conversation.say("yes send it")
    # Nothing is sent unasked: the summary again, the vehicle as it was.
    assert "Here is your report" in turn.last_text, turn.texts
    assert "Vehicle: a dark grey vauxhall astra, reg KM21 XPD" in turn.last_text
    assert conversation.slot("report_vehicle") == "a dark grey vauxhall astra, reg KM21 XPD"


def test_nothing_is_sent_without_a_clear_yes(stack):
    conversation = at_the_summary(stack)
    turn = conversation.say("hmm let me think")
    assert "SRV-" not in "\n".join(turn.texts) and conversation.requested_slot() == "report_confirm"


def test_something_added_at_the_summary_joins_the_description(stack):
    """At the summary: an addition joins the description, not "Sorry, I didn't catch that."."""
    conversation = ServedConversation(stack)
    conversation.say("report")
    opening = conversation.say("someone tried the side door handle of the consulate twice last night")
    answers = {
        "report_location": "Portland Place",
        "report_when": "last night around 11",
        "report_ongoing": "no",
        "report_people": "hoodie, maybe 18",
        "report_vehicle": "nothing",
        "report_direction": "dunno",
        "report_category": "testing",
        "report_contact_consent": "no",
    }
    summary, _ = walk_to_summary(lambda text: conversation.say(text).last_text, opening.last_text, answers)
    assert asks("report_confirm", summary)
    turn = conversation.say("wait, before I send, can I add that he had a backpack?")
    assert (
        "What happened: someone tried the side door handle of the consulate twice last night. he had a backpack"
        in (turn.first_text)
    ), turn.texts
    done = conversation.say("send")
    stored = stored_report(stack.database_url, reference_in("\n".join(done.texts)) or "")
    assert stored is not None and stored["description"].endswith("he had a backpack"), done.texts
