"""Each language's files, read without Rasa: examples by intent, every string of a file."""

from __future__ import annotations

import yaml

from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.data import (
    _ANNOTATION,
    ENGLISH_DATA_DIR,
    LANGUAGE_FILES,
    _examples,
    _unannotated,
    known_words,
    language_file,
    nlu_examples,
    shared_file,
    strings,
)
from reading.language.text import normalise, words_of


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


def test_the_names_every_language_shares_are_read_from_one_file():
    assert "fortnite" in strings(shared_file("danger").get("elsewhere"))
    assert shared_file("no-such-file") == {}


def test_a_missing_file_is_empty():
    assert language_file("fr", "no_such_file") == {} and nlu_examples("xx") == {}


def _words_one_text_at_a_time(language: str) -> frozenset[str]:
    """known_words as it was first written: each text normalised alone, the pure-Python loader."""
    if language != ENGLISH:
        texts = [t for name in LANGUAGE_FILES for t in strings(language_file(language, name))]
        return frozenset(word for text in texts for word in normalise(text).split())
    words: set[str] = set()
    for path in sorted(ENGLISH_DATA_DIR.glob("*.yml")):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in loaded.get("nlu") or []:
            if isinstance(entry, dict):
                for example in _examples(entry.get("examples")):
                    words.update(normalise(_ANNOTATION.sub(" ", example)).split())
    return frozenset(words)


def test_a_language_s_words_are_those_of_each_text_read_alone():
    for language in (ENGLISH, *OTHER_LANGUAGES):
        assert known_words(language) == _words_one_text_at_a_time(language), language
    assert {"embassy", "suspicious", "hyde", "park"} <= known_words(ENGLISH)
    assert words_of([_unannotated("seen in [Hyde Park](place)"), "no brackets"]) == {
        "seen",
        "in",
        "hyde",
        "park",
        "no",
        "brackets",
    }


def test_texts_read_together_give_the_words_each_gives_alone():
    texts = [
        "Ça brûle!",
        "\u0301e combining first",
        "ＦＵＬＬ width",
        "ıstanbul ł",
        "a\nb",
        "x_y 3½ 🚗",
        "কেউ আহত",
        "قُتِلَ",
    ]
    assert words_of(texts) == frozenset(word for text in texts for word in normalise(text).split())
