"""The reading packages' data files read the same with the fast loader (reading/yaml_data.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from reading.yaml_data import read_yaml

ROOT = Path(__file__).resolve().parents[3]


def test_every_data_file_reads_as_the_safe_loader_reads_it():
    files = sorted([*(ROOT / "reading").rglob("*.yml"), *(ROOT / "languages").rglob("*.yml")])
    assert len(files) > 50
    for path in files:
        assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path


def test_an_empty_file_is_none(tmp_path):
    path = tmp_path / "empty.yml"
    path.write_text("", encoding="utf-8")
    assert read_yaml(path) is None
