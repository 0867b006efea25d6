"""The emergency model: trained on a small set, persisted and loaded as the trained model holds it,
it scores a danger-now message above a harmless one; DangerGate fires on it only when the rules
did not, in English, and outside the report form."""

from __future__ import annotations

import pytest
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu import emergency_model
from nlu.components import DangerGate
from nlu.emergency_data import corpus_examples, external_fingerprint
from nlu.emergency_model import PROBABILITY_KEY, EmergencyClassifier

DANGER = [
    "help a man is stabbing people outside the station",
    "someone has a gun at the gate right now",
    "there's a fire in the lobby and we're trapped",
    "a car just drove into the crowd",
    "he's attacking the guard with a bottle, blood everywhere",
    "bag ticking under the seat on the bus",
]
CALM = [
    "what is project servator",
    "hello",
    "a man was filming the gate yesterday",
    "how do i report something suspicious",
    "what number do i call for non urgent stuff",
    "thanks for your help",
    "set a timer for ten minutes",
    "are the officers armed",
]


def training_data() -> TrainingData:
    examples = [Message(data={"text": t, "intent": "emergency"}) for t in DANGER]
    examples += [Message(data={"text": t, "intent": "faq"}) for t in CALM]
    return TrainingData(training_examples=examples)


@pytest.fixture(scope="module")
def trained(storage, context) -> tuple[EmergencyClassifier, Resource]:
    """Trained on the small set alone (the corpus and blind sets left out, for speed)."""
    original = emergency_model.external_examples
    emergency_model.external_examples = list
    try:
        resource = Resource("EmergencyClassifier")
        config = EmergencyClassifier.get_default_config()
        component = EmergencyClassifier.create(config, storage, resource, context)
        component.train(training_data())
    finally:
        emergency_model.external_examples = original
    return component, resource


def probability(component: EmergencyClassifier, text: str) -> float:
    message = Message(data={"text": text})
    component.process([message])
    assert PROBABILITY_KEY in message.output_properties
    value = message.get(PROBABILITY_KEY)
    assert isinstance(value, float) and 0.0 <= value <= 1.0
    return value


def test_an_emergency_scores_above_a_harmless_message(trained):
    component, _ = trained
    assert probability(component, "a man is stabbing someone at the gate") > 0.5
    assert probability(component, "what is servator") < 0.5


def test_the_loaded_model_scores_as_the_trained_one(trained, storage, context):
    component, resource = trained
    loaded = EmergencyClassifier.load(EmergencyClassifier.get_default_config(), storage, resource, context)
    for text in ("he has a gun at the gate", "hello there", "a drone over the embassy"):
        assert probability(loaded, text) == probability(component, text)


def test_a_message_of_function_words_alone_gets_no_probability(trained):
    """ "at the", sent half typed, scored 0.997 with the served model and got the 999 answer."""
    component, _ = trained
    for text in ("at the", "in the in the", "And the..."):
        message = Message(data={"text": text})
        component.process([message])
        assert message.get(PROBABILITY_KEY) is None, text
    assert probability(component, "at the gate, a man with a gun") > 0.5


def test_button_payloads_get_no_probability(trained):
    component, _ = trained
    message = Message(data={"text": '/inform{"report_category":"other"}'})
    component.process([message])
    assert message.get(PROBABILITY_KEY) is None


def test_a_corpus_change_changes_the_fingerprint(tmp_path):
    (tmp_path / "written.yml").write_text("emergency: [a knife]\nnot_emergency: [hello]\n")
    assert list(corpus_examples(tmp_path)) == [("a knife", True, "written"), ("hello", False, "written")]
    before = external_fingerprint(tmp_path)
    (tmp_path / "written.yml").write_text("emergency: [a knife, a gun]\nnot_emergency: [hello]\n")
    assert external_fingerprint(tmp_path) != before


def test_the_component_fingerprints_the_corpus_and_the_fitting_code(monkeypatch):
    addon = EmergencyClassifier.fingerprint_addon({})
    assert addon is not None
    code, _, corpus = addon.partition("-")
    assert corpus == external_fingerprint()
    monkeypatch.setattr(emergency_model, "external_fingerprint", lambda: "another corpus")
    assert EmergencyClassifier.fingerprint_addon({}) == f"{code}-another corpus"


def scored(text: str, probability: float, intent: str = "faq") -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.8},
            "intent_ranking": [{"name": intent, "confidence": 0.8}],
            PROBABILITY_KEY: probability,
            "language": {"conversation": "en", "message": "en", "confidence": 0.9},
        }
    )


@pytest.fixture(scope="module")
def gate() -> DangerGate:
    return DangerGate(emergency_model_threshold=0.6)


def test_the_gate_fires_on_the_model_alone_when_the_rules_do_not(gate):
    message = scored("two blokes are laying into a security guard by the gate and hes not getting up", 0.9)
    gate.process([message])
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert message.get("danger") == {"fired": True, "reasons": ["model"]}


def test_below_the_threshold_the_gate_leaves_the_message_alone(gate):
    message = scored("two blokes are laying into a security guard by the gate and hes not getting up", 0.5)
    gate.process([message])
    assert message.get("intent")["name"] == "faq"
    assert message.get("danger") == {"fired": False, "reasons": []}


def test_when_the_rules_fire_their_reasons_stand_whatever_the_model_says(gate):
    message = scored("there's a man with a knife outside right now", 0.01)
    gate.process([message])
    assert message.get("intent")["name"] == "emergency"
    assert message.get("danger") == {"fired": True, "reasons": ["weapon"]}


def test_a_harmless_reading_the_rules_found_wins_over_the_model(gate):
    message = scored("the comedian was killing it, absolute bomb of a set", 0.95)
    gate.process([message])
    assert message.get("danger") == {"fired": False, "reasons": []}
    overruled = DangerGate(emergency_model_threshold=0.6, harmless_reading_wins=False)
    message = scored("the comedian was killing it, absolute bomb of a set", 0.95)
    overruled.process([message])
    assert message.get("danger") == {"fired": True, "reasons": ["model"]}


def test_a_message_in_another_conversation_language_is_not_scored(gate):
    message = scored("les garçons dehors le frappent à la tête", 0.99)
    message.set("language", {"conversation": "fr", "message": "fr", "confidence": 0.95})
    gate.process([message])
    assert message.get("danger")["fired"] is False


def _form(requested_slot: str) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"),
        ActiveLoop("report_form"),
        SlotSet("requested_slot", requested_slot),
    ]
    return DialogueStateTracker.from_events(
        "someone", events, slots=[TextSlot("requested_slot", mappings=[])]
    )


def test_in_the_form_the_model_alone_does_not_fire(gate):
    answer = scored("two blokes are laying into the guard and hes not getting up", 0.9, "inform")
    gate.process([answer], _form("report_description"))
    assert answer.get("intent")["name"] == "inform"
    assert answer.get("danger") == {"fired": False, "reasons": []}
    outside = scored("two blokes are laying into the guard and hes not getting up", 0.9)
    gate.process([outside], DialogueStateTracker.from_events("someone", [ActionExecuted("action_listen")]))
    assert outside.get("danger") == {"fired": True, "reasons": ["model"]}
