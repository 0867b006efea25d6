"""The frame cues' token patterns (reading/danger/frame_cues.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from reading.danger.frame_cues import FRAME_PATTERNS


@pytest.fixture(scope="module")
def labels():
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for label, patterns in FRAME_PATTERNS.items():
        matcher.add(label, patterns)

    def found(text: str) -> set[str]:
        return {nlp.vocab.strings[match_id] for match_id, _, _ in matcher(nlp.make_doc(text.lower()))}

    return found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("he's long gone", "DEALT_WITH"),
        ("the man got arrested", "DEALT_WITH"),
        ("they left, so I went home", "LEFT"),
        ("he got off at Camden", "LEFT"),
        ("about two hours ago", "PAST_TIME"),
        ("it just happened", "RECENT"),
        ("five minutes ago", "RECENT"),
    ],
)
def test_each_cue_is_found(labels, text, label):
    assert label in labels(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("someone left a bag", "LEFT"),
        ("I just wanted to tell you", "RECENT"),
    ],
)
def test_look_alikes_are_not(labels, text, label):
    assert label not in labels(text)
