"""What the rule components share (nlu/gate.py): built from their config, and the intent edits."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.gate import (
    IntentGate,
    RuleComponent,
    bot_turn_since_person_spoke,
    language_of,
    set_intent,
    set_language_entity,
)


class Tuned(RuleComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"words": 8, "share": 0.5}

    def __init__(self, words: int = 8, share: float = 0.5) -> None:
        self.words, self.share = words, share


def build(component: type[RuleComponent], config: dict[str, Any], tmp_path) -> Any:
    context = ExecutionContext(GraphSchema({}), "test")
    return component.create(config, LocalModelStorage(tmp_path), Resource("rule"), context)


def test_a_rule_component_takes_each_setting_as_its_default_s_type_or_the_default(tmp_path):
    tuned = build(Tuned, {"words": "12", "share": 1}, tmp_path)
    assert (tuned.words, tuned.share) == (12, 1.0)
    assert isinstance(tuned.share, float)
    plain = build(Tuned, {}, tmp_path)
    assert (plain.words, plain.share) == (8, 0.5)


def test_a_gate_runs_after_the_ml_intent_classifier():
    assert IntentGate.required_components() == [IntentClassifier]


def test_set_intent_puts_the_intent_first_with_full_confidence_listed_once():
    ranking = [{"name": "faq", "confidence": 0.7}, {"name": "emergency", "confidence": 0.2}]
    message = Message(data={"intent": ranking[0], "intent_ranking": ranking})
    set_intent(message, "emergency")
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert message.get("intent_ranking") == [
        {"name": "emergency", "confidence": 1.0},
        {"name": "faq", "confidence": 0.7},
    ]


def test_the_language_entity_is_one_and_decides_the_conversation_s_language():
    message = Message(
        data={"entities": [{"entity": "language", "value": "en"}, {"entity": "place", "value": "x"}]}
    )
    assert language_of(message) == "en"
    set_language_entity(message, "fr")
    assert [e["value"] for e in message.get("entities") if e["entity"] == "language"] == ["fr"]
    assert language_of(message) == "fr"


def test_the_bot_s_turn_is_what_it_said_after_the_person_s_last_message_latest_first():
    events = [
        BotUttered("Hello"),
        UserUttered("hi"),
        BotUttered("Call 999"),
        ActionExecuted("action_listen"),
        BotUttered("Where was it?"),
    ]
    said = bot_turn_since_person_spoke(DialogueStateTracker.from_events("t", events))
    assert [event.text for event in said] == ["Where was it?", "Call 999"]
    answered = DialogueStateTracker.from_events("t", [*events, UserUttered("by the gate")])
    assert bot_turn_since_person_spoke(answered) == []
    before_anyone_spoke = DialogueStateTracker.from_events("t", [BotUttered("Hello")])
    assert [event.text for event in bot_turn_since_person_spoke(before_anyone_spoke)] == ["Hello"]
