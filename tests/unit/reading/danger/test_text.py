"""Cleaning and cutting a message before the danger rules read it (reading/danger/text.py)."""

from __future__ import annotations

import random

import spacy

from reading import regex
from reading.danger.text import (
    PIECE_CHARS,
    Cleaner,
    ascii_words,
    says_something,
    sentences,
    split_sentences,
    windows,
)


def test_hurried_spelling_is_undone_only_for_words_the_rules_know():
    clean = Cleaner()
    assert clean("smoke pourin out") == "smoke pouring out"
    assert clean("he’s comin in") == "he's coming in"
    assert clean("heeeelp") == clean("help")
    assert clean("cabin in the woods") == "cabin in the woods"


def test_sentences_end_at_stops_and_line_breaks():
    doc = spacy.blank("en")("there is a bag. it is ticking!\nhelp")
    pieces = [doc[start:end].text.strip() for start, end in sentences(doc)]
    assert [piece for piece in pieces if piece] == [
        "there is a bag.",
        "it is ticking!",
        "help",
    ]
    assert list(split_sentences("one. two; three")) == ["one.", " two;", " three"]


def test_a_long_run_on_is_read_in_overlapping_windows():
    short = "a man with a knife"
    assert list(windows(short)) == [short]
    run_on = "word " * 400
    pieces = list(windows(run_on))
    assert len(pieces) > 1 and all(len(piece) <= PIECE_CHARS for piece in pieces)
    assert "".join(piece[: PIECE_CHARS - 150] for piece in pieces).startswith(
        run_on[: 3 * (PIECE_CHARS - 150)]
    )


def test_a_slip_of_one_letter_in_a_long_danger_word_is_read_as_the_word():
    clean = Cleaner()
    assert clean("huge explsion near the bank") == "huge explosion near the bank"
    assert clean("she is unconsicous") == "she is unconscious"
    assert clean("loud EXPLOSOIN outside") == "loud explosion outside"
    # Other words, and slips that are other words, are left alone.
    assert clean("we were exploring the park") == "we were exploring the park"
    assert clean("shooing the pigeons away") == "shooing the pigeons away"


def test_only_determiners_prepositions_and_conjunctions_say_nothing():
    for text in ("at the", "In the, in the", "and so the"):
        assert not says_something(text), text
    for text in ("I am at the", "fire", "get out", "someone is behind me", "999", "!!!", "🔥", ""):
        assert says_something(text), text


def test_ascii_words_are_the_words_the_pattern_finds():
    """Lower-case ASCII letters and digits, whatever else the text holds (accents, other scripts,
    emoji, upper case): the same runs as RE2's `[a-z0-9]+`."""
    pattern = regex.compile(r"[a-z0-9]+")
    rng = random.Random(5)
    alphabet = "abcxyz09 AZ.,'-\n\té中ł🙂\u0301ابি"
    texts = ["", "   ", "there's a man w/ a knife!!", "café 東京 x9", "İstanbul'da bıçaklı adam"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(500)]
    for text in texts:
        assert ascii_words(text) == pattern.findall(text), text
        assert ascii_words(text.lower()) == pattern.findall(text.lower()), text
