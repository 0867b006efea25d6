"""The model's name hashes everything that shapes it, our graph components' code included."""

from __future__ import annotations

from pathlib import Path

from servator.rasa_runtime.training import GRAPH_COMPONENTS, inputs_hash


def project(root: Path) -> Path:
    for name in ("config.yml", "vanilla.yml", "domain.yml", "data/nlu.yml", *GRAPH_COMPONENTS):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"# {name}\n")
    return root


def test_a_change_to_a_graph_component_needs_a_new_model(tmp_path):
    root = project(tmp_path)
    before = inputs_hash(root)
    (root / "nlu/components.py").write_text("def process(self, messages, tracker=None): ...\n")
    assert inputs_hash(root) != before


def test_another_config_ignores_our_components(tmp_path):
    root = project(tmp_path)
    before = inputs_hash(root, config="vanilla.yml")
    (root / "nlu/components.py").write_text("changed\n")
    assert inputs_hash(root, config="vanilla.yml") == before


def test_training_fits_the_languages_models_only_with_this_project_s_config(tmp_path, monkeypatch):
    from servator.rasa_runtime import training

    fitted: list[str] = []
    monkeypatch.setattr(training, "fit_language_models", lambda: fitted.append("languages"))
    monkeypatch.setattr(training, "inputs_hash", lambda config="config.yml": "0" * 16)
    for config in ("config.yml", "vanilla.yml"):
        (tmp_path / f"{config[:-4]}-{'0' * 16}.tar.gz").write_text("a model")
        training.train_if_needed(config=config, models_dir=tmp_path, name=config[:-4])
    assert fitted == ["languages"]
