"""A component around one linear model: built untrained, kept after training, loaded back equal."""

from __future__ import annotations

from rasa.engine.storage.resource import Resource

from nlu.linear_model import LinearIntentModel
from nlu.persisted_model import PersistedLinearModel

TEXTS = ["hello there", "hi", "good morning", "bye now", "goodbye", "see you later"]
LABELS = ["greet", "greet", "greet", "goodbye", "goodbye", "goodbye"]


class Keeper(PersistedLinearModel):
    MODEL_FILE = "keeper.npz"

    def _use(self, model: LinearIntentModel | None) -> None:
        self.model = model


def test_created_untrained_then_kept_and_loaded_back_with_the_same_predictions(storage, context):
    keeper = Keeper.create({}, storage, Resource("keeper"), context)
    assert keeper.model is None
    fitted = LinearIntentModel().fit(TEXTS, LABELS, folds=2)
    assert keeper._keep(fitted) == Resource("keeper")
    loaded = Keeper.load({}, storage, Resource("keeper"), context)
    assert loaded.model is not None
    assert loaded.model.rank(["hello", "bye"]) == fitted.rank(["hello", "bye"])


def test_rasa_s_training_cache_is_keyed_on_the_fitting_code(monkeypatch, tmp_path):
    from pathlib import Path

    from nlu import linear_model

    before = Keeper.fingerprint_addon({})
    changed = tmp_path / "linear_model.py"
    changed.write_bytes(Path(linear_model.__file__).read_bytes() + b"\n# saved another way\n")
    monkeypatch.setattr(linear_model, "__file__", str(changed))
    assert Keeper.fingerprint_addon({}) != before


class Fed(Keeper):
    """Fitted on files outside Rasa's data as well."""

    inputs = "files-v1"

    @classmethod
    def _inputs_fingerprint(cls) -> str | None:
        return cls.inputs


def test_a_component_fitted_on_other_files_is_keyed_on_them_too(monkeypatch):
    before = Fed.fingerprint_addon({})
    assert before is not None and before.endswith("-files-v1")
    monkeypatch.setattr(Fed, "inputs", "files-v2")
    assert Fed.fingerprint_addon({}) != before
    assert Keeper.fingerprint_addon({}) is not None and "-" not in str(Keeper.fingerprint_addon({}))


def test_the_svm_s_regularisation_defaults_to_1_and_the_config_sets_it(storage, context):
    assert Keeper.get_default_config() == {"C": 1.0}
    assert Keeper.create(Keeper.get_default_config(), storage, Resource("c"), context)._c == 1.0
    assert Keeper.create({"C": "0.5"}, storage, Resource("c"), context)._c == 0.5


class Several(PersistedLinearModel):
    MODEL_FILE = "several.npz"

    def _use_models(self, models: dict[str, LinearIntentModel]) -> None:
        self.models = models


def test_several_models_are_kept_one_file_each_and_loaded_back_by_name(storage, context):
    several = Several.create({}, storage, Resource("several"), context)
    assert several.models == {}
    fitted = {
        "es": LinearIntentModel().fit(TEXTS, LABELS, folds=2),
        "fr": LinearIntentModel().fit(TEXTS[1:], LABELS[1:], folds=2),
    }
    several._keep_models(fitted)
    with storage.read_from(Resource("several")) as folder:
        assert sorted(p.name for p in folder.iterdir()) == ["es-several.npz", "fr-several.npz"]
    loaded = Several.load({}, storage, Resource("several"), context)
    assert sorted(loaded.models) == ["es", "fr"]
    for name, model in fitted.items():
        assert loaded.models[name].rank(["hello", "bye"]) == model.rank(["hello", "bye"])
