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
