"""Text as every language's phrase lists compare it: lower case, single spaces, no accents or
punctuation; and where Chinese characters are."""

from __future__ import annotations

from reading.language.text import has_han, normalise


def test_accents_punctuation_and_case_go_and_words_stay():
    assert normalise("  ¡Él tiene   un CUCHILLO! ") == "el tiene un cuchillo"
    assert normalise("Łódź, ulica") == "lodz ulica"
    assert normalise("إِنَّهُ") == normalise("انه")
    assert normalise(None) == normalise("...") == ""


def test_chinese_characters_are_found():
    assert has_han("他有刀") and not has_han("hello") and not has_han("السكين")
