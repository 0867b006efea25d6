"""Served: asked what to do about a bag nobody seems to own, the answer says not to touch it and to
move away (and gives 999 for when it looks suspicious), without the full emergency reply.

Paraphrases written after the training data and not in it.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation

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
