"""Served: an item nobody is with, said to be there now, gets 999 in the first reply, as an
opening and as the answer to "What did you see?" (the report then carries on); on the railway,
British Transport Police's number follows the 999 (the next bubble).

Over HTTP against the stack `make run` starts. The lead's message, then paraphrases written after
the rule and never used to shape it (none of them in the training data or the unit cases).
"""

from __future__ import annotations

import pytest

from tests.support.served import REPORT_QUESTIONS, ServedConversation

pytestmark = pytest.mark.rasa

BTP_TEXT = "61016"
ON_THE_RAILWAY = [
    "there's a rucksack under a seat on this train right now and nobody owns it",
    "there's a backpack on the luggage rack in my carriage and no one is with it, it's been there since Reading",
]
IN_THE_REPORT = [
    "a rucksack is still sitting under a seat on this train and nobody owns it",
    "there's a box on the platform bench right now, no one near it",
]


@pytest.mark.parametrize("opening", ON_THE_RAILWAY)
def test_an_item_nobody_is_with_on_a_train_gets_999_first_then_btp(stack, opening):
    turn = ServedConversation(stack).say(opening)
    assert turn.intent == "emergency" and turn.actions[:1] == ["utter_emergency"], (turn.intent, turn.actions)
    assert "999" in turn.first_text and BTP_TEXT in turn.texts[1], turn.texts


def test_an_item_nobody_is_with_elsewhere_gets_999_first(stack):
    turn = ServedConversation(stack).say(
        "hi, sorry, a holdall has been on the seat opposite me since Leeds and nobody has claimed it"
    )
    assert turn.intent == "emergency" and "999" in turn.first_text, turn.texts


@pytest.mark.parametrize("answer", IN_THE_REPORT)
def test_the_same_as_the_answer_to_what_did_you_see_gets_999_first_and_the_report_carries_on(stack, answer):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    turn = conversation.say(answer)
    assert "999" in turn.first_text and BTP_TEXT in turn.texts[1], turn.texts
    assert any(question in turn.last_text for question in REPORT_QUESTIONS.values()), turn.texts


@pytest.mark.parametrize(
    "question",
    [
        "I left my rucksack on the train to Brighton and nobody has handed it in, who do I ask?",
        "what should I do if I spot a bag on the tube that nobody seems to own?",
    ],
)
def test_lost_property_and_what_ifs_do_not_get_999(stack, question):
    turn = ServedConversation(stack).say(question)
    assert turn.intent != "emergency" and "utter_emergency" not in turn.actions, (turn.intent, turn.texts)
