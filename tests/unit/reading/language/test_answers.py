"""The form's common answers in other languages are read as the English answers they mean."""

from __future__ import annotations

from reading.language.answers import english_form_answer


def test_whole_answers_become_the_english_ones() -> None:
    assert english_form_answer("Sí", "es") == "yes"
    assert english_form_answer("no sé", "es") == "i dont know"
    assert english_form_answer("cancelar", "es") == "cancel"
    assert english_form_answer("oui", "fr") == "yes"


def test_the_persons_own_text_is_left_alone() -> None:
    assert english_form_answer("un hombre alto con una mochila", "es") is None
    assert english_form_answer("yes", "en") is None
    assert english_form_answer("sí", None) is None
