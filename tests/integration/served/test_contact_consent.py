"""Served: contact details are kept when given with a name, refused ones are asked again with the
reason, and a report never becomes anonymous without the person saying so or seeing it in the
summary; "no vehicle, they walked" is an answer, kept as said.

Over HTTP against the stack `make run` starts; what is stored read back from the reports table.
"""

from __future__ import annotations

import pytest

from tests.support.served import REPORT_QUESTIONS, ServedConversation, asks, reference_in, stored_report

pytestmark = pytest.mark.rasa

TO_THE_CONTACT_QUESTION = [
    "/report_suspicious",
    "two men kept walking past the gate photographing the guard hut",
    "belgrave square",
    "about an hour ago",
    "/deny",
    "both in dark jackets, one with a rucksack",
    "no vehicle, they walked",
    "towards victoria",
]


def at_consent(stack) -> ServedConversation:
    conversation = ServedConversation(stack)
    for answer in TO_THE_CONTACT_QUESTION:
        turn = conversation.say(answer)
    if asks("report_category", turn.last_text):
        turn = conversation.say('/inform{"report_category":"surveillance"}')
    assert asks("report_contact_consent", turn.last_text), turn.texts
    return conversation


def sent(conversation: ServedConversation, stack) -> dict:
    done = "\n".join(conversation.say("send it").texts)
    report = stored_report(stack.database_url, reference_in(done) or "")
    assert report is not None, done
    return report


@pytest.mark.parametrize(
    "answers",
    [
        ["07700 900123, I'm Sam"],
        ["yes", "it's Sam, 07700 900123"],
        ["yes please, call Sam on 07700900123"],
    ],
    ids=["number and name to the consent question", "name and number to the number question", "both at once"],
)
def test_a_number_given_with_a_name_is_kept(stack, answers):
    conversation = at_consent(stack)
    for answer in answers:
        turn = conversation.say(answer)
    assert asks("report_confirm", turn.last_text), turn.texts
    assert "Contact: +447700900123" in turn.last_text
    assert "Vehicle: no vehicle, they walked" in turn.last_text
    report = sent(conversation, stack)
    assert report["contact_consent"] in (True, 1) and report["contact_phone"] == "+447700900123"
    assert report["vehicle_text"] == "no vehicle, they walked"


def test_unreadable_contact_details_are_asked_again_with_the_reason_and_never_dropped_unasked(stack):
    conversation = at_consent(stack)
    assert asks("report_contact", conversation.say("yes").last_text)
    first = conversation.say("Sam")
    assert "doesn't look like a phone number or e-mail address" in first.first_text, first.texts
    second = conversation.say("Sam Jones, flat 2")
    assert "can't find a phone number or e-mail address" in second.first_text, second.texts
    assert REPORT_QUESTIONS["report_contact_consent"] in second.last_text, "asked again, not made anonymous"
    assert asks("report_contact", conversation.say("yes").last_text)
    turn = conversation.say("07700 900 123")
    assert "Contact: +447700900123" in turn.last_text, turn.texts


def test_an_unclear_consent_answer_twice_is_said_and_shown_before_sending(stack):
    conversation = at_consent(stack)
    assert "please answer yes or no" in conversation.say("purple").first_text
    turn = conversation.say("hmm purple again")
    assert "I'll leave your contact details out" in turn.first_text, turn.texts
    assert "Contact: anonymous" in turn.last_text
