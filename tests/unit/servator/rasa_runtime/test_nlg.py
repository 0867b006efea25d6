"""The 999 answer as Rasa renders it (servator.rasa_runtime.nlg.ContactsNLG with the real domain and contacts):
999 first; British Transport Police's number after it when the message speaks of the railway."""

from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
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
