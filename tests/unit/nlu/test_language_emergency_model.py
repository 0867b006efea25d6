"""The other languages' emergency models: each trained on its language's corpus by writer and its
intent examples, persisted one file per language and loaded back equal; a message is scored by its
conversation's language's model only; DangerGate fires on that language's threshold, in that
language, outside the report form, where the rules did not fire."""

from __future__ import annotations

import pytest
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu import language_emergency_model
from nlu.components import DangerGate
from nlu.emergency_model import fit
from nlu.language_emergency_model import (
    PROBABILITY_KEY,
    LanguageEmergencyClassifier,
    intent_examples,
    language_examples,
    languages_fingerprint,
    reads_as_account,
    trainable,
)

DANGER_ES = [
    "un hombre esta apuñalando a la gente en la estacion",
    "hay un tipo con una pistola en la puerta ahora",
    "fuego en el vestibulo y estamos atrapados",
    "un coche acaba de atropellar a la multitud",
    "le esta pegando al guardia con una botella, hay sangre",
    "una mochila pitando debajo del asiento del autobus",
]
CALM_ES = [
    "que es project servator",
    "hola",
    "ayer un hombre grababa la puerta",
    "como denuncio algo sospechoso",
    "gracias por la ayuda",
    "los policias van armados",
    "que tiempo hace mañana",
    "quiero hacer una denuncia",
]


def test_a_languages_examples_are_its_corpus_by_writer_and_its_intents_with_emergency_positive():
    examples = language_examples("es")
    writers = {source for _, _, source in examples if source != "nlu"}
    assert writers and all(source.startswith("es-") for source in writers)
    intents = intent_examples("es")
    assert intents and set(intents) <= set(examples)
    assert any(positive for _, positive, _ in intents) and any(not positive for _, positive, _ in intents)
    assert "hola" in {text for text, positive, _ in intents if not positive}


def test_a_language_needs_both_kinds_to_be_trained():
    assert trainable([("a", True, "x")] * 3 + [("b", False, "x")] * 3)
    assert not trainable([("a", True, "x")] * 2 + [("b", False, "x")] * 9)
    assert not trainable([("b", False, "x")] * 9)


def test_a_change_to_a_languages_corpus_changes_the_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setattr(language_emergency_model, "LANGUAGES_CORPUS_DIR", tmp_path)
    path = tmp_path / "es-w1.yml"
    path.write_text('emergency:\n  - "fuego en el vestibulo"\n', encoding="utf-8")
    before = languages_fingerprint()
    path.write_text('emergency:\n  - "fuego en el vestibulo ahora"\n', encoding="utf-8")
    assert languages_fingerprint() != before
    assert LanguageEmergencyClassifier.fingerprint_addon({}).endswith(languages_fingerprint())


@pytest.fixture(scope="module")
def classifier(storage, context) -> LanguageEmergencyClassifier:
    """Trained on a small Spanish set (the only language with a model), saved and loaded back."""
    examples = [(t, True, "w") for t in DANGER_ES] + [(t, False, "w") for t in CALM_ES]
    resource = Resource("language_emergency")
    trained = LanguageEmergencyClassifier.create({}, storage, resource, context)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(language_emergency_model, "fit_languages", lambda c: {"es": fit(examples, c)})
        assert trained.train(TrainingData()) == resource
    return LanguageEmergencyClassifier.load({}, storage, resource, context)


def in_conversation(text: str, language: str) -> Message:
    return Message(data={"text": text, "language": {"conversation": language, "message": language}})


def test_each_language_is_kept_in_its_own_file(classifier, storage):
    with storage.read_from(Resource("language_emergency")) as folder:
        assert [p.name for p in folder.iterdir()] == ["es-language_emergency_model.npz"]


def test_the_loaded_model_scores_danger_above_calm_in_its_language(classifier):
    danger = [in_conversation("un hombre con una pistola en la estacion ahora", "es")]
    calm = [in_conversation("hola, que es project servator", "es")]
    classifier.process(danger + calm)
    assert danger[0].get(PROBABILITY_KEY) > 0.5 > calm[0].get(PROBABILITY_KEY)


def test_only_a_conversation_in_a_language_with_a_model_is_scored(classifier):
    messages = [
        in_conversation("a man with a gun at the station", "en"),
        in_conversation("un homme avec un pistolet", "fr"),
        in_conversation("/emergency", "es"),
        Message(data={"text": "un hombre con una pistola"}),
    ]
    classifier.process(messages)
    assert [m.get(PROBABILITY_KEY) for m in messages] == [None, None, None, None]


def test_untrained_it_scores_nothing(storage, context):
    untrained = LanguageEmergencyClassifier.create({}, storage, Resource("untrained"), context)
    message = in_conversation("un hombre con una pistola", "es")
    untrained.process([message])
    assert message.get(PROBABILITY_KEY) is None


def scored(text: str, language: str, probability: float, intent: str = "faq") -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.8},
            "intent_ranking": [{"name": intent, "confidence": 0.8}],
            PROBABILITY_KEY: probability,
            "language": {"conversation": language, "message": language, "confidence": 0.95},
        }
    )


# People fleeing in panic: no Spanish cue names it.
UNSEEN = "la gente sale corriendo y gritando de la estacion, tienen mucho miedo"


@pytest.fixture(scope="module")
def gate() -> DangerGate:
    return DangerGate(emergency_model_threshold=0.99, language_model_thresholds={"es": 0.7})


def test_the_gate_fires_on_the_languages_model_at_its_threshold_and_answers_in_it(gate):
    message = scored(UNSEEN, "es", 0.7)
    gate.process([message])
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert message.get("danger") == {"fired": True, "reasons": ["es:model"]}
    assert message.get("language")["conversation"] == "es"


def test_below_its_threshold_or_without_one_the_gate_leaves_the_message_alone(gate):
    below = scored(UNSEEN, "es", 0.69)
    no_threshold = scored("ciao, cos'è project servator", "it", 0.99)
    gate.process([below, no_threshold])
    assert below.get("danger") == {"fired": False, "reasons": []}
    assert no_threshold.get("danger") == {"fired": False, "reasons": []}


def test_the_rules_reasons_stand_whatever_the_languages_model_says(gate):
    message = scored("hay un hombre con un cuchillo fuera ahora mismo", "es", 0.01)
    gate.process([message])
    assert message.get("danger")["fired"] is True
    assert "es:model" not in message.get("danger")["reasons"]


def test_in_the_report_form_the_languages_model_alone_does_not_fire(gate):
    events = [
        ActionExecuted("action_listen"),
        ActiveLoop("report_form"),
        SlotSet("requested_slot", "report_description"),
    ]
    form = DialogueStateTracker.from_events(
        "someone", events, slots=[TextSlot("requested_slot", mappings=[])]
    )
    answer = scored(UNSEEN, "es", 0.99, "inform")
    gate.process([answer], form)
    assert answer.get("danger") == {"fired": False, "reasons": []}


ACCOUNT = "ayer un hombre estuvo grabando la puerta de la embajada una hora y luego se fue en un coche gris"


def test_an_account_of_suspicious_behaviour_is_read_as_one_and_a_flight_in_panic_is_not():
    assert reads_as_account("es", ACCOUNT)
    assert not reads_as_account("es", UNSEEN)
    assert not reads_as_account("xx", ACCOUNT)  # no intent model: nothing vetoes


def test_the_languages_model_alone_does_not_make_an_account_an_emergency(gate):
    message = scored(ACCOUNT, "es", 0.99)
    gate.process([message])
    assert message.get("danger") == {"fired": False, "reasons": []}


def test_a_one_word_message_is_too_short_for_a_language_s_model():
    from nlu.language_emergency_model import too_short_to_judge

    assert too_short_to_judge("tr", "yo 👋")
    assert too_short_to_judge("es", "ok")
    assert not too_short_to_judge("tr", "bıçaklı adam var")
    assert too_short_to_judge("zh", "你好")
    assert not too_short_to_judge("zh", "有人拿刀砍人")
