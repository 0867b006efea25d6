"""Typed text as the form's grammars read it (reading/form/text.py): normalised, and in question form."""

from __future__ import annotations

import pytest

from reading.form import text as form_text


@pytest.mark.parametrize(
    "text,question",
    [
        ("what is project servator?", True),
        ("how do i report it online", True),
        ("is this confidential", True),
        ("when the guards changed over, about 6pm", True),
        ("a man was filming the gate", False),
        ("towards oxford street", False),
    ],
)
def test_question_form(text, question):
    assert form_text.is_question(text) is question


def test_typed_text_is_normalised_without_apostrophes_or_punctuation():
    assert form_text.normalise("  Don’t   KNOW!! ") == "dont know"
    assert form_text.core("ok sorry, skip please") == "skip"
