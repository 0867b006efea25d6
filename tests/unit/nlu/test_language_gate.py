"""LanguageGate: the conversation's language as an entity, and a message in another language
classified by that language's model (built when the component loads)."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import SlotSet
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.language_gate import LanguageGate


@pytest.fixture(scope="module")
def gate(build) -> LanguageGate:
    return build(LanguageGate)


def english_guess(text: str, intent: str = "greet", confidence: float = 0.9) -> Message:
    """A message as the English classifier leaves it."""
    ranking = [{"name": intent, "confidence": confidence}, {"name": "inform", "confidence": 1 - confidence}]
    return Message(
        data={"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}
    )


def in_language(language: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "someone", [SlotSet("language", language)], slots=[TextSlot("language", mappings=[])]
    )


def language_entity(message: Message) -> list[str]:
    return [entity["value"] for entity in message.get("entities") or [] if entity["entity"] == "language"]


def test_a_french_message_sets_the_language_and_gets_its_french_intent(gate):
    message = english_guess("merci beaucoup pour votre aide", intent="greet")
    gate.process([message], None)
    assert language_entity(message) == ["fr"]
    assert message.get("intent")["name"] == "thank"


def test_asking_for_english_switches_the_language(gate):
    message = english_guess("English please", intent="inform")
    gate.process([message], in_language("fr"))
    assert language_entity(message) == ["en"] and message.get("intent")["name"] == "switch_language"


def test_an_english_message_keeps_the_english_intent(gate):
    message = english_guess(
        "hello, I would like to report a man filming the station", intent="report_suspicious"
    )
    gate.process([message], None)
    assert language_entity(message) == ["en"] and message.get("intent")["name"] == "report_suspicious"


def test_a_button_payload_is_left_as_it_is(gate):
    message = english_guess("/inform", intent="inform")
    gate.process([message], in_language("fr"))
    assert language_entity(message) == [] and message.get("intent")["name"] == "inform"
