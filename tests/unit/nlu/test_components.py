"""The graph components on Rasa Message objects (no trained model needed): the danger gate and the
safety entities. The same behaviour is checked served in tests/integration/served/test_stories.py."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.components import DangerGate, SafetyEntityExtractor


@pytest.fixture(scope="module")
def gate(build) -> DangerGate:
    return build(DangerGate)


def ml_result(text: str, intent: str, confidence: float) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 1 - confidence}]
    return Message(
        data={"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}
    )


def test_gate_turns_a_dangerous_faq_into_emergency(gate):
    message = ml_result("there's a man with a knife outside right now, what do I do?", "faq", 0.9)
    gate.process([message])
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    ranking = message.get("intent_ranking")
    assert ranking[0] == {"name": "emergency", "confidence": 1.0}
    assert [r["name"] for r in ranking[1:]] == ["faq", "greet"]
    assert message.get("danger") == {"fired": True, "reasons": ["weapon"]}
    assert {"intent", "intent_ranking", "danger"} <= message.output_properties


def test_gate_keeps_an_existing_emergency_only_once(gate):
    message = ml_result("help!! man with a gun", "emergency", 0.6)
    gate.process([message])
    names = [r["name"] for r in message.get("intent_ranking")]
    assert names.count("emergency") == 1 and names[0] == "emergency"


def test_gate_leaves_safe_messages_alone(gate):
    message = ml_result("are PDP officers armed?", "faq", 0.9)
    gate.process([message])
    assert message.get("intent") == {"name": "faq", "confidence": 0.9}
    assert message.get("intent_ranking")[0]["name"] == "faq"
    assert message.get("danger") == {"fired": False, "reasons": []}


def test_gate_overrides_the_fallback_intent(gate):
    message = ml_result("theres a bag ticking by the gate", "nlu_fallback", 0.45)
    gate.process([message])
    assert message.get("intent")["name"] == "emergency"


def test_gate_processes_every_message_of_a_batch(gate):
    safe, unsafe = ml_result("hello", "greet", 0.99), ml_result("someone's been stabbed", "inform", 0.8)
    gate.process([safe, unsafe])
    assert safe.get("intent")["name"] == "greet" and unsafe.get("intent")["name"] == "emergency"


def test_gate_reads_a_foreign_message_with_an_english_danger_word_in_its_language(gate):
    film = ml_result("ce film avec les explosions est génial, je le conseille", "out_of_scope", 0.7)
    threat = ml_result("il y a un homme avec un gun devant l'ambassade", "nlu_fallback", 0.3)
    gate.process([film, threat])
    assert film.get("intent") == {"name": "out_of_scope", "confidence": 0.7}
    assert film.get("danger") == {"fired": False, "reasons": []}
    assert threat.get("intent")["name"] == "emergency"


def test_entity_extractor_adds_to_existing_entities(build):
    extractor = build(SafetyEntityExtractor)
    existing = {
        "entity": "report_category",
        "value": "surveillance",
        "start": 0,
        "end": 5,
        "extractor": "DIETClassifier",
    }
    message = Message(data={"text": "grosvenor square w1k6ah", "entities": [existing]})
    extractor.process([message])
    entities = message.get("entities")
    assert entities[0] == existing
    added = {(e["entity"], e["value"], e["extractor"]) for e in entities[1:]}
    assert added == {
        ("place", "Grosvenor Square", "SafetyEntityExtractor"),
        ("postcode", "W1K 6AH", "SafetyEntityExtractor"),
    }
    assert "entities" in message.output_properties


def test_entity_extractor_without_entities_leaves_the_message_alone(build):
    extractor = build(SafetyEntityExtractor)
    message = Message(data={"text": "hello there"})
    extractor.process([message])
    assert message.get("entities") in (None, [])


def test_gate_demotes_an_unsure_ml_only_emergency_to_the_fallback(gate):
    message = ml_result("the gun salute in hyde park was loud today", "emergency", 0.52)
    gate.process([message])
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("intent_ranking")[0]["name"] == "nlu_fallback"


def test_gate_keeps_a_confident_ml_only_emergency(gate):
    message = ml_result("please come quickly", "emergency", 0.97)
    gate.process([message])
    assert message.get("intent") == {"name": "emergency", "confidence": 0.97}


def with_probability(text: str, intent: str, probability: float) -> Message:
    message = ml_result(text, intent, 0.8)
    message.set("emergency_probability", probability)
    return message


CALM_TOLD = "I run a small fireworks shop in Ilford and we sell explosives for bonfire night, what are the storage rules?"


@pytest.mark.parametrize("probability, caution", [(0.01, True), (0.5, False)])
def test_bare_danger_words_the_model_is_sure_are_calm_keep_their_intent(build, probability, caution):
    gate = DangerGate(caution_below=0.05, caution_min_words=10)
    message = with_probability(CALM_TOLD, "out_of_scope", probability)
    gate.process([message])
    assert message.get("danger")["fired"] is True
    assert message.get("danger").get("caution", False) is caution
    assert message.get("intent")["name"] == ("out_of_scope" if caution else "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "there's a man with a rifle outside the station right now pointing it at people on the street",
        "a man with a rifle is shooting at people on the high street and two people are bleeding badly",
        "rifle!!",
    ],
)
def test_a_danger_said_to_be_now_hurting_someone_or_short_is_an_emergency_whatever_the_model(text):
    gate = DangerGate(caution_below=0.05, caution_min_words=10)
    message = with_probability(text, "faq", 0.001)
    gate.process([message])
    assert message.get("intent")["name"] == "emergency"
    assert "caution" not in message.get("danger")


def test_caution_is_off_unless_configured(gate):
    message = with_probability(CALM_TOLD, "out_of_scope", 0.001)
    gate.process([message])
    assert message.get("intent")["name"] == "emergency"


def test_inside_the_report_form_the_rules_alone_decide():
    gate = DangerGate(caution_below=0.05, caution_min_words=10)
    tracker = DialogueStateTracker.from_events(
        "someone", [ActionExecuted("action_listen"), ActiveLoop("report_form")]
    )
    message = with_probability(CALM_TOLD, "inform", 0.001)
    gate.process([message], tracker)
    assert message.get("intent")["name"] == "emergency"
