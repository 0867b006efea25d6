"""The detector's token-pattern pieces, built from its vocabulary file."""

from __future__ import annotations

from reading.danger.words import CONTEXTS, SENTENCE_WORDS, context_in, word_in, word_in_op


def test_a_token_from_a_word_list_optional_or_repeated_as_asked():
    assert word_in(["knife", "blade"]) == {"LOWER": {"IN": ["knife", "blade"]}}
    assert word_in_op(["the"], "*") == {"LOWER": {"IN": ["the"]}, "OP": "*"}


def test_context_lists_come_from_the_vocabulary_by_name():
    assert context_in("fight_nouns") == {"LOWER": {"IN": CONTEXTS["fight_nouns"]}}
    assert context_in("fight_nouns", "?")["OP"] == "?"
    assert "fight" in CONTEXTS["fight_nouns"]
    assert all(isinstance(words, frozenset) and words for words in SENTENCE_WORDS.values())
