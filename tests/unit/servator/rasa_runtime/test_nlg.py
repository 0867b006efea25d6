"""The 999 answer as Rasa renders it (servator.rasa_runtime.nlg.ContactsNLG with the real domain and contacts):
999 first; British Transport Police's number after it when the message speaks of the railway; the
caution line first in the first answer to a message the danger rules fired on with `caution`."""

from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from servator.config.constants import DOMAIN_PATH
from servator.rasa_runtime.nlg import ContactsNLG


@pytest.fixture(scope="module")
def nlg() -> ContactsNLG:
    return ContactsNLG(domain=Domain.load(str(DOMAIN_PATH)))


def _after(text: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "t", [UserUttered(text, {"name": "emergency", "confidence": 1.0})]
    )


async def _say(nlg: ContactsNLG, action: str, text: str) -> str:
    response = await nlg.generate(action, _after(text), "rest")
    assert response is not None
    return str(response["text"])


async def test_the_999_answer_about_a_train_names_btp_after_999(nlg):
    text = await _say(nlg, "utter_emergency", "a bag on this train and nobody owns it, still there")
    assert "999" in text and "61016" in text and "British Transport Police" in text, text
    assert text.index("999") < text.index("61016"), text


async def test_the_999_answer_elsewhere_does_not(nlg):
    text = await _say(nlg, "utter_emergency", "a man with a knife outside the embassy right now")
    assert "999" in text and "61016" not in text, text


async def test_other_answers_about_a_train_are_not_changed(nlg):
    text = await _say(nlg, "utter_default", "what time is the next train")
    assert "61016" not in text, text


CALM = "I run a small fireworks shop in Ilford and we sell explosives for bonfire night, what are the storage rules?"


def _cautioned(*after: BotUttered, language: str | None = None) -> DialogueStateTracker:
    parse = {
        "intent": {"name": "out_of_scope", "confidence": 0.9},
        "danger": {"fired": True, "reasons": ["explosive"], "caution": True},
    }
    slots = [SlotSet("language", language)] if language else []
    return DialogueStateTracker.from_events("t", [*slots, UserUttered(CALM, parse_data=parse), *after])


async def test_the_first_answer_to_a_cautioned_message_says_999_first_in_its_own_paragraph(nlg):
    response = await nlg.generate("utter_out_of_scope", _cautioned(), "rest")
    first, rest = str(response["text"]).split("\n\n", 1)
    assert "999" in first and "happening now" in first, first
    assert rest.startswith("Sorry, I can't help with that"), rest


async def test_only_the_first_answer_carries_it(nlg):
    response = await nlg.generate("utter_out_of_scope", _cautioned(BotUttered("Sorry, I can't help")), "rest")
    assert str(response["text"]).startswith("Sorry, I can't help with that"), response


async def test_it_comes_in_the_conversations_language(nlg):
    response = await nlg.generate("utter_out_of_scope", _cautioned(language="fr"), "rest")
    first = str(response["text"]).split("\n\n", 1)[0]
    assert first.startswith("Si cela se passe") and "999" in first, first


async def test_without_caution_the_answer_is_unchanged(nlg):
    response = await nlg.generate("utter_out_of_scope", _after(CALM), "rest")
    assert str(response["text"]).startswith("Sorry, I can't help with that"), response


async def test_the_full_999_answer_is_never_doubled(nlg):
    response = await nlg.generate("utter_emergency", _cautioned(), "rest")
    assert str(response["text"]).startswith("If anyone is in immediate danger"), response


async def test_an_answer_whose_first_sentence_says_999_already_is_not_doubled(nlg):
    response = await nlg.generate("utter_contact/other_crime", _cautioned(), "rest")
    text = str(response["text"])
    assert text.count("999") == 1 and "101" in text, text
