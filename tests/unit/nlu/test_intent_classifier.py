"""The parse output the linear intent classifier writes: FAQ answers add up to the `faq` intent and the
best one is selected; an ordinary intent selects no answer."""

from __future__ import annotations

import pytest

from nlu.intent_classifier import LinearIntentClassifier, chosen_response_key


def _parse(ranked):
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={"text": "x"})
    LinearIntentClassifier._set_prediction(message, ranked, ["contact", "faq"])
    return message.as_dict(only_output_properties=True)


def test_faq_answers_add_up_to_the_faq_intent_and_select_the_best_answer():
    parsed = _parse([("faq/aim", 0.5), ("faq/pdp", 0.3), ("greet", 0.2)])
    assert parsed["intent"] == {"name": "faq", "confidence": pytest.approx(0.8)}
    assert [r["name"] for r in parsed["intent_ranking"]] == ["faq", "greet"]
    selected = parsed["response_selector"]["faq"]["response"]
    assert selected["intent_response_key"] == "faq/aim"
    assert selected["utter_action"] == "utter_faq/aim"
    assert selected["confidence"] == pytest.approx(0.625)


def test_an_ordinary_intent_has_no_response_selection():
    parsed = _parse([("greet", 0.7), ("faq/aim", 0.2), ("faq/pdp", 0.1)])
    assert parsed["intent"]["name"] == "greet"
    assert "response_selector" not in parsed


def test_the_chosen_answer_is_read_back_from_what_the_classifier_wrote():
    from rasa.shared.nlu.training_data.message import Message

    answered, ordinary = Message(data={"text": "x"}), Message(data={"text": "y"})
    LinearIntentClassifier._set_prediction(
        answered, [("contact/railway", 0.6), ("contact/met", 0.3)], ["contact"]
    )
    LinearIntentClassifier._set_prediction(ordinary, [("greet", 0.9), ("contact/railway", 0.1)], ["contact"])
    assert chosen_response_key(answered, "contact") == "contact/railway"
    assert chosen_response_key(answered, "faq") is None and chosen_response_key(ordinary, "greet") is None
