"""Each language's files, read without Rasa: examples by intent, every string of a file."""

from __future__ import annotations

from reading.language import OTHER_LANGUAGES
from reading.language.data import language_file, nlu_examples, strings


def test_every_string_of_nested_lists_and_mappings():
    assert strings({"a": ["x", {"b": "y"}], "c": "z", "d": 3}) == ["x", "y", "z"]
    assert strings("x") == ["x"] and strings(None) == []


def test_every_language_has_examples_for_its_intents_read_from_rasa_s_format():
    for language in OTHER_LANGUAGES:
        examples = nlu_examples(language)
        assert {"greet", "emergency"} <= set(examples), language
        assert all(
            texts and all(text and not text.startswith("- ") for text in texts) for texts in examples.values()
        )
    assert "bonjour" in nlu_examples("fr")["greet"]


def test_a_missing_file_is_empty():
    assert language_file("fr", "no_such_file") == {} and nlu_examples("xx") == {}
