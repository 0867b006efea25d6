"""tools/danger_verdicts: the detector's verdicts on the training and held-out data, compared."""

from __future__ import annotations

import json

from tools.danger_verdicts import compare, examples


def test_the_examples_cover_training_held_out_and_form_answers():
    files = {name for name, _, _ in examples()}
    assert {"report.yml", "nlu_heldout.yml", "emergency_heldout.yml", "form_answers.yml"} <= files
    assert all("](" not in text for _, _, text in examples()), "entity annotations are removed"


def test_compare_fails_only_when_a_verdict_flips(tmp_path, capsys):
    before = [["a.yml", "x", "knife outside", ["weapon"]], ["a.yml", "y", "hello", []]]
    more_reasons = [["a.yml", "x", "knife outside", ["threat", "weapon"]], ["a.yml", "y", "hello", []]]
    flipped = [["a.yml", "x", "knife outside", ["weapon"]], ["a.yml", "y", "hello", ["threat"]]]
    paths = {}
    for name, verdicts in (("before", before), ("more", more_reasons), ("flipped", flipped)):
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(json.dumps(verdicts))
    assert compare(paths["before"], paths["before"]) == 0
    assert compare(paths["before"], paths["more"]) == 0
    assert "1 of 2 changed reasons; 0 changed whether it fires" in capsys.readouterr().out
    assert compare(paths["before"], paths["flipped"]) == 1
