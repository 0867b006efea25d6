"""Served: a danger-now message that the danger rules do not fire on gets 999 in the first reply,
from the emergency model (nlu/emergency_model.py, and for other languages
nlu/language_emergency_model.py, in that language); a calm question next to it does not.

The messages are written for this test, in words none of the rules key on; the unit tests hold
that the rules alone leave them alone, so this checks the model's path end to end.
"""

from __future__ import annotations

import pytest

from reading.danger import DangerDetector
from reading.language.danger import message_danger
from reading.language.data import language_file
from tests.support.served import ServedConversation

pytestmark = pytest.mark.rasa

RULES_MISS = "two blokes are laying into a security guard by the embassy gate and hes not getting up"
# A lorry driven into a pedestrian street, in words none of the Spanish cues key on.
SPANISH_RULES_MISS = "un camión ha entrado en la calle peatonal y no frena, la gente se aparta corriendo"


def test_the_rules_do_not_fire_on_the_message():
    assert not DangerDetector().detect(RULES_MISS).fired


def test_a_danger_now_message_the_rules_miss_gets_999_first(stack):
    turn = ServedConversation(stack).say(RULES_MISS)
    assert turn.intent == "emergency" and turn.actions[:1] == ["utter_emergency"], (turn.intent, turn.actions)
    assert "999" in turn.first_text, turn.texts


def test_a_calm_question_about_the_guards_gets_no_999(stack):
    turn = ServedConversation(stack).say("do the security guards at the embassy gate carry anything?")
    assert turn.intent != "emergency" and "utter_emergency" not in turn.actions, (turn.intent, turn.texts)


def test_the_spanish_rules_do_not_fire_on_the_spanish_message():
    assert message_danger(SPANISH_RULES_MISS, "es", 0.99, "es") is None


def test_a_danger_now_message_in_spanish_the_rules_miss_gets_999_first_in_spanish(stack):
    turn = ServedConversation(stack).say(SPANISH_RULES_MISS)
    assert turn.actions[:1] == ["utter_emergency"], (turn.intent, turn.actions)
    spanish = " ".join(language_file("es", "responses")["utter_emergency"]["text"].split())
    assert "999" in turn.first_text and spanish[:20] in " ".join(turn.first_text.split()), turn.texts
