"""Each other language's intent model: fitted once on its own examples, kept under a name that
changes with them, and read back instead of fitted again."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu import language_model as module
from nlu.language_model import fit_missing, language_model, model_path, prepared, rank
from nlu.linear_model import LinearIntentModel
from reading.language import OTHER_LANGUAGES


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty folder for the kept models, and no model already in memory (before and after)."""
    monkeypatch.setattr(module, "MODELS_DIR", tmp_path)
    language_model.cache_clear()
    yield tmp_path
    language_model.cache_clear()


@pytest.mark.parametrize(("language", "text"), [("fr", "merci beaucoup"), ("es", "muchas gracias")])
def test_a_language_s_own_words_rank_first_with_probabilities(language, text):
    ranked = rank(language, text)
    assert ranked is not None and ranked[0][0] == "thank"
    assert sum(probability for _, probability in ranked) == pytest.approx(1.0)


def test_words_typed_without_accents_or_in_another_arabic_letter_form_read_as_the_same():
    assert prepared("¿Está armada la policía?") == prepared("esta armada la policia")
    assert prepared("ŞİŞLİ'de") == prepared("sisli de")
    assert prepared("أنا في السفارة") == prepared("انا في السفاره")


def test_chinese_is_read_in_pairs_of_characters_so_a_greeting_does_not_outweigh_an_account():
    assert prepared("你好，今天早上") == "你好 今天早上 你好 今天 天早 早上"
    account = (
        "你好，今天下午三点左右我在大使馆对面看到一个戴口罩的男的一直用手机拍大门和摄像头，"
        "拍了二十分钟，后来上了一辆银色的车往海德公园方向开走了"
    )
    ranked = rank("zh", account)
    assert ranked is not None and ranked[0][0] == "describe_suspicious"


def test_every_language_has_a_model_fitted_once():
    for language in OTHER_LANGUAGES:
        model = language_model(language)
        assert model is not None and model is language_model(language)


def test_a_fitted_model_is_kept_and_read_back_instead_of_fitted_again(models_dir, monkeypatch):
    fitted = language_model("fr")
    assert fitted is not None
    assert [p.name for p in models_dir.iterdir()] == [model_path("fr").name]
    language_model.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("fitted again")

    monkeypatch.setattr(LinearIntentModel, "fit", refuse)
    texts = ["merci beaucoup", "je veux signaler un homme qui filme", "bonjour"]
    loaded = language_model("fr")
    assert loaded is not None and loaded.rank(texts) == fitted.rank(texts)


def test_changed_examples_name_another_model_and_the_old_one_goes(models_dir, monkeypatch):
    old = model_path("es")
    language_model("es")
    examples = {**module.nlu_examples("es"), "greet": ["hola", "buenos días", "buenas tardes"]}
    monkeypatch.setattr(module, "nlu_examples", lambda language: examples)
    language_model.cache_clear()
    new = model_path("es")
    assert new != old
    assert language_model("es") is not None
    assert [p.name for p in models_dir.iterdir()] == [new.name]


def test_an_unreadable_kept_model_is_fitted_again(models_dir):
    path = model_path("it")
    assert path is not None
    path.write_bytes(b"not a model")
    model = language_model("it")
    assert model is not None and rank("it", "grazie mille") is not None
    assert LinearIntentModel.load(path).labels == model.labels


def test_fit_missing_fits_only_the_languages_not_kept(models_dir):
    assert fit_missing(["fr", "es"]) == ["fr", "es"]
    language_model.cache_clear()
    assert fit_missing(["fr", "es", "pl"]) == ["pl"]
    assert fit_missing(["fr", "es", "pl"]) == []
