"""The linear intent model: ranked labels with probabilities, saved and loaded safely, and a compiled
scorer that gives sklearn's scores (no trained Rasa model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.linear_model import CompiledScorer, LinearIntentModel, softmax

TEXTS = {
    "greet": ["hello", "hi there", "good morning", "hey", "hiya", "evening all"],
    "faq/what_is_servator": [
        "what is project servator",
        "tell me about servator",
        "what does servator mean",
        "explain project servator",
        "servator what is it",
        "what are servator patrols",
    ],
    "faq/armed_unarmed": [
        "are the officers armed",
        "do they carry guns",
        "are servator officers armed",
        "armed or unarmed",
        "do the police have weapons",
        "are they carrying firearms",
    ],
    "report_suspicious": [
        "i want to report something",
        "report suspicious behaviour",
        "i saw something odd",
        "someone is acting strangely",
        "make a report",
        "i need to report a man filming",
    ],
}


@pytest.fixture(scope="module")
def model() -> LinearIntentModel:
    texts = [t for examples in TEXTS.values() for t in examples]
    labels = [label for label, examples in TEXTS.items() for _ in examples]
    return LinearIntentModel().fit(texts, labels, folds=3)


def test_ranks_every_label_with_probabilities_that_sum_to_one(model):
    ranked = model.rank(["are the police armed"])[0]
    assert ranked[0][0] == "faq/armed_unarmed"
    assert sorted(label for label, _ in ranked) == sorted(TEXTS)
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert model.temperature > 0


def test_a_saved_model_loads_and_answers_the_same(model, tmp_path: Path):
    path = tmp_path / "model.skops"
    model.save(path)
    loaded = LinearIntentModel.load(path)
    texts = ["hi", "what is servator", "a man is filming the gate"]
    assert loaded.rank(texts) == model.rank(texts)


def test_a_model_file_with_unexpected_types_is_refused(tmp_path: Path):
    from collections import Counter

    import skops.io as sio

    path = tmp_path / "odd.skops"
    sio.dump({"c": 1.0, "odd": Counter()}, path)
    with pytest.raises(ValueError, match="untrusted"):
        LinearIntentModel.load(path)


def test_the_compiled_scorer_gives_sklearn_scores(model):
    compiled = CompiledScorer(model.features, model.svm)
    texts = [
        "are the police armed",
        "HELLO!!",
        "",
        "   ",
        "zzzz qqqq",
        "i saw a man, he was filming the gate twice",
        "café ümlaut 東京",
        "<script>alert(1)</script>",
        "/report_suspicious",
        "report report report",
        "a" * 2000,
    ]
    for text in texts:
        assert compiled.scores(text) == pytest.approx(model.scores([text])[0], abs=1e-9)
    assert model.probabilities(texts) == pytest.approx(
        softmax(model.scores(texts), model.temperature), abs=1e-9
    )
