"""Served: what a person says of their safety right after a 999 answer inside the report form is
acknowledged, never stored as the answer, and the question is asked again.

Over HTTP against the stack `make run` starts, with messages as people write them.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation, asks

pytestmark = pytest.mark.rasa


def at_people_after_danger_yes(stack) -> ServedConversation:
    """A report whose "still happening?" was answered yes (999 first), now asking about the people."""
    conversation = ServedConversation(stack)
    for answer in (
        "/report_suspicious",
        "two men trying the side door of the embassy",
        "rutland gate",
        "just now",
    ):
        conversation.say(answer)
    turn = conversation.say("yes")
    assert "999" in turn.first_text and asks("report_people", turn.last_text), turn.texts
    return conversation


def test_safety_news_after_danger_yes_is_acknowledged_and_the_question_asked_again(stack):
    conversation = at_people_after_danger_yes(stack)
    for news in (
        "we've shut ourselves in the office now",
        "ok my manager rang 999, police are coming",
        "the police have been called",
    ):
        turn = conversation.say(news)
        assert "haven't taken that as an answer" in turn.first_text, turn.texts
        assert asks("report_people", turn.last_text), turn.texts
        assert conversation.slot("report_people") is None
    # The real answer is then taken as the answer.
    turn = conversation.say("one tall, one short, both in dark jackets")
    assert conversation.slot("report_people") == "one tall, one short, both in dark jackets"
    assert asks("report_vehicle", turn.last_text), turn.texts


def test_safety_news_after_an_emergency_mid_report_is_not_the_answer(stack):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    conversation.say("a man filming the gate")
    emergency = conversation.say("oh no he's just pulled a knife on the guard")
    assert "999" in emergency.first_text and asks("report_location", emergency.last_text), emergency.texts
    turn = conversation.say("ok we called them and we're hiding inside")
    assert asks("report_location", turn.last_text) and conversation.slot("report_location") is None, (
        turn.texts
    )


def test_the_same_words_without_a_999_answer_just_before_are_the_answer(stack):
    conversation = ServedConversation(stack)
    for answer in ("/report_suspicious", "someone watching the staff entrance", "outside the building"):
        conversation.say(answer)
    conversation.say("we're locked inside now")
    assert conversation.slot("report_when") == "we're locked inside now"
