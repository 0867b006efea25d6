"""The CSV export is formula-safe: a cell a spreadsheet would run gets a leading apostrophe."""

from __future__ import annotations

import pytest

from servator.exports import csv_cell


@pytest.mark.parametrize("text", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text):
    assert csv_cell(text) == "'" + text


def test_other_values_are_written_as_they_are():
    assert [csv_cell(v) for v in ("plain", None, True, 1.5, ["a", "=b"])] == [
        "plain",
        "",
        "true",
        "1.5",
        "a;=b",
    ]
    assert csv_cell(["=a", "b"]) == "'=a;b"
