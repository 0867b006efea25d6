"""Served: questions about Project Servator and the service get true answers, and no made-up one when
the article does not say: what to do about a bag nobody seems to own (do not touch it, move away,
999 when it looks suspicious, without the full emergency reply), what happens to a report (also
asked mid-report, then the question comes again), how to delete the chat.

Over HTTP against the stack `make run` starts. Paraphrases written after the training data and
not in it.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation, asks

pytestmark = pytest.mark.rasa


@pytest.mark.parametrize(
    "question",
    [
        "what should I do if I spot a bag on the tube that nobody seems to own?",
        "if there's a suitcase on its own in the station what am I meant to do",
        "is it alright to pick up a parcel someone has left by our door?",
    ],
)
def test_the_advice_is_do_not_touch_it_and_move_away(stack, question):
    turn = ServedConversation(stack).say(question)
    assert "utter_emergency" not in turn.actions, (turn.intent, turn.texts)
    assert "Don't touch it" in turn.first_text and "move away" in turn.first_text, turn.texts
    assert "999" in turn.first_text


def test_a_question_the_article_does_not_answer_gets_no_made_up_answer(stack):
    """ "is it ok to film them?" must not get "Yes, please do." (the talk-to-officers answer)."""
    turn = ServedConversation(stack).say("is it ok to film them?")
    assert "please do" not in turn.first_text.lower(), turn.texts
    assert "can't help with that" in turn.first_text, turn.texts


@pytest.mark.parametrize("ask", ["delete my data", "can you forget me?"])
def test_asking_in_words_to_delete_the_chat_says_how(stack, ask):
    """ "delete my data" in words gets how to delete the chat, not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say(ask)
    assert "/forget" in turn.first_text and "didn't understand" not in turn.first_text, turn.texts


@pytest.mark.parametrize(
    "ask,expected",
    [
        ("how do I become a servator officer", "can't help with that"),
        ("do you work for MI5", "automated assistant"),
        ("is this chat recorded", "/forget"),
    ],
)
def test_questions_about_the_service_get_a_true_answer(stack, ask, expected):
    """Each gets its own true answer: not the uniform answer, the help menu or "nobody is watching"
    (which does not say whether the chat is kept)."""
    turn = ServedConversation(stack).say(ask)
    assert expected in turn.first_text, turn.texts


@pytest.mark.parametrize(
    "question",
    ["where does my report go after I send it?", "will anyone actually look at what I report here?"],
)
def test_what_happens_to_a_report_is_answered_honestly(stack, question):
    text = "\n".join(ServedConversation(stack).say(question).texts)
    assert "reference" in text and "officers" in text, text
    # The retention period is the one the stack runs with (REPORT_RETENTION_DAYS, 365 by default).
    assert "deleted after 365 days" in text, text


def test_what_happens_to_a_report_asked_mid_report_then_the_question_again(stack):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    conversation.say("a man was photographing the gate from a parked van")
    turn = conversation.say("sorry, before I go on, who reads these reports?")
    assert "reference" in turn.first_text and "officers" in turn.first_text, turn.texts
    assert asks("report_location", turn.last_text) and conversation.slot("report_location") is None
