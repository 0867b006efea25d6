"""The held-out sets stay held out: none of their sentences is in the training data."""

from __future__ import annotations

from servator.config.constants import ROOT
from tools.nlu_eval import heldout_examples


def test_no_heldout_nlu_sentence_is_trained_on():
    from rasa.shared.nlu.training_data.loading import load_data

    trained = {m.get("text").lower().strip() for m in load_data(str(ROOT / "data/nlu")).intent_examples}
    leaked = [text for text, _ in heldout_examples() if text.lower().strip() in trained]
    assert leaked == []


def test_every_intent_has_at_least_25_training_examples():
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data/nlu"))
    counts: dict = {}
    for message in data.intent_examples:
        key = message.get("intent_response_key") or message.get("intent")
        counts[key] = counts.get(key, 0) + 1
    assert {k: v for k, v in counts.items() if v < 25} == {}
