"""Served: danger now gets 999 in the first reply, as an opening or inside the report form (an item
nobody is with that is still there, something thrown that smokes), with British Transport Police's
number next on the railway; lost property and what-ifs do not. What a person then says of their own
safety right after a 999 answer is acknowledged, never stored as the answer, and the question is asked
again.

Over HTTP against the stack `make run` starts, with messages as people write them: the lead's
message, then paraphrases written after the rules and never used to shape them (none of them in the
training data or the unit cases).
"""

from __future__ import annotations

import pytest

from tests.support.served import REPORT_QUESTIONS, ServedConversation, asks

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


@pytest.mark.parametrize(
    "news",
    [
        "oh god someone just threw something over the wall and it's smoking",
        "somebody lobbed an object into the embassy garden and now it's hissing",
    ],
)
def test_a_thrown_object_that_smokes_gets_999_first_inside_the_form(stack, news):
    conversation = ServedConversation(stack)
    conversation.say("I want to report a drone that kept hovering over the embassy compound")
    assert asks(
        "report_when", conversation.say("over the back garden of the US embassy in Nine Elms").last_text
    )
    turn = conversation.say(news)
    assert "999" in turn.first_text, turn.texts
    assert conversation.slot("report_when") in (None, ""), "the news was stored as the time"


def test_a_bag_left_by_someone_who_walked_off_and_still_there_gets_999_first(stack):
    """As the first message: 999 comes before the report starts."""
    turn = ServedConversation(stack).say(
        "I saw a man leave a bag by the bins outside the embassy and walk off quickly, it's still there"
    )
    assert "999" in turn.first_text, turn.texts


def test_an_item_left_that_is_still_there_now_gets_999_first(stack):
    turn = ServedConversation(stack).say(
        "a man left a rucksack under a seat and got off at oxford circus, it's still there now"
    )
    assert "999" in turn.first_text, turn.texts


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


# Written for the caution (nlu/caution.py): a bare danger word in a calm message the emergency model
# is sure of. 999 still comes first; then the answer to what was asked, not the full 999 answer.
CALM_WITH_A_DANGER_WORD = [
    (
        "In my history class we are studying the bomb attacks of the Blitz, which parts of London were hit worst?",
        "Sorry, I can't help with that",
    ),
    (
        "Over the weekend someone smashed the window of my garden shed with a hammer and took my bike, "
        "nobody was home at the time, where do I report that?",
        "101",
    ),
]


@pytest.mark.parametrize("message, answer", CALM_WITH_A_DANGER_WORD)
def test_a_calm_message_with_a_danger_word_gets_999_first_then_its_answer(stack, message, answer):
    turn = ServedConversation(stack).say(message)
    assert turn.intent != "emergency" and "utter_emergency" not in turn.actions, (turn.intent, turn.actions)
    assert turn.first_text.startswith("If ") and "999" in turn.first_text.split(".")[0], turn.texts
    assert answer in " ".join(turn.texts), turn.texts


def test_the_same_danger_said_to_be_now_gets_the_full_999_answer(stack):
    turn = ServedConversation(stack).say(
        "a man is swinging a hammer at people outside my shed on Elm Road right now and my neighbour is hurt"
    )
    assert turn.intent == "emergency" and turn.actions[:1] == ["utter_emergency"], (turn.intent, turn.actions)
