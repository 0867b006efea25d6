"""The linear intent model: ranked labels with probabilities, saved and loaded safely, and a compiled
scorer that gives sklearn's scores (no trained Rasa model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import nlu.linear_model
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
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = LinearIntentModel.load(path)
    texts = ["hi", "what is servator", "a man is filming the gate", "", "ARE THEY ARMED??"]
    assert loaded.rank(texts) == model.rank(texts)
    assert (loaded.scores(texts) == model.scores(texts)).all()  # sklearn's own path, exactly
    assert loaded.labels == model.labels and loaded.temperature == model.temperature


def test_a_saved_two_label_model_loads_and_answers_the_same(tmp_path: Path):
    texts = TEXTS["greet"] + TEXTS["report_suspicious"]
    labels = ["greet"] * 6 + ["report_suspicious"] * 6
    model = LinearIntentModel().fit(texts, labels, folds=3)
    path = tmp_path / "two.npz"
    model.save(path)
    asked = ["hello there", "i saw a man filming"]
    assert LinearIntentModel.load(path).probabilities(asked).tolist() == model.probabilities(asked).tolist()


def test_a_model_file_holding_a_pickled_object_is_refused(model, tmp_path: Path):
    path = tmp_path / "odd.npz"
    model.save(path)
    with np.load(path) as saved:
        arrays = dict(saved)
    arrays["coef"] = np.array([object()], dtype=object)
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match="pickle"):
        LinearIntentModel.load(path)


def test_a_model_file_whose_weights_do_not_fit_its_n_grams_is_refused(model, tmp_path: Path):
    path = tmp_path / "cut.npz"
    model.save(path)
    with np.load(path) as saved:
        arrays = dict(saved)
    arrays["coef"] = arrays["coef"][:, :-1]
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match="weights"):
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


def test_a_text_is_read_once_for_every_model_that_reads_it_the_same_way(model, monkeypatch):
    """The intent and emergency models read a message with the same n-gram settings: their
    scorers count its n-grams once between them, and still give each model's own scores."""
    other = LinearIntentModel().fit(
        ["hello", "hi", "hey there", "a man with a knife", "help he has a gun", "fire on the train"],
        ["calm", "calm", "calm", "danger", "danger", "danger"],
        folds=3,
    )
    first, second = CompiledScorer(model.features, model.svm), CompiledScorer(other.features, other.svm)
    read: list[str] = []
    for part in nlu.linear_model._ANALYZERS:
        analyzer = nlu.linear_model._ANALYZERS[part]
        monkeypatch.setitem(nlu.linear_model._ANALYZERS, part, lambda t, a=analyzer: read.append(t) or a(t))
    nlu.linear_model._counted.cache_clear()
    text = "a man filming the embassy gate, right now"
    assert first.scores(text) == pytest.approx(model.scores([text])[0], abs=1e-9)
    # Two labels: sklearn's one score is the second label's.
    assert second.scores(text) == pytest.approx(other.scores([text])[0][1:], abs=1e-9)
    assert read == [text, text]  # word and character n-grams, once each
