"""Language codes as the assistant keeps them, and as officers read them."""

from __future__ import annotations

from reading.language import LANGUAGES, known_language, language_label


def test_a_code_with_a_region_or_in_capitals_is_the_language():
    assert known_language("es-ES") == known_language("ES") == known_language(" es_419 ") == "es"
    assert known_language("xx") is None and known_language(None) is None and known_language(7) is None


def test_officers_read_the_language_s_english_name_and_its_code():
    assert language_label("es") == "Spanish (es)"
    assert language_label("zh-CN") == "Chinese (Simplified) (zh)"
    assert language_label(None) == language_label("xx") == "English (en)"
    assert all(language_label(code).endswith(f"({code})") for code in LANGUAGES)
