"""The CSV export is formula-safe: a cell a spreadsheet would run gets a leading apostrophe."""

from __future__ import annotations

import pytest

from servator.records.exports import csv_cell


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


def test_questions_and_answers_are_one_cell_of_lines_that_never_starts_a_formula():
    asked = [
        {
            "question": "=HYPERLINK(1)",
            "asked_by": "pc.a",
            "asked_at": "t",
            "answer": "-no",
            "answered_at": "t",
        },
        {
            "question": "Was he alone?",
            "asked_by": "pc.a",
            "asked_at": "t",
            "answer": None,
            "answered_at": None,
        },
    ]
    assert csv_cell(asked) == "Q: =HYPERLINK(1) / A: -no\nQ: Was he alone? / A: "
