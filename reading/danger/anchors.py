"""The words a danger rule cannot match without: they let the detector skip work.

A message with none of the trigger words cannot fire, so it is not tokenised at all; a label's
token patterns run only when the message holds one of that label's anchor words.
"""

from __future__ import annotations

from typing import Any

from reading.danger import compound, hazards, rules, words
from reading.danger.frame_cues import FRAME_PATTERNS
from reading.danger.text import ascii_words

GENERIC_WORDS = words.SENTENCE_WORDS["generic_words"] | set(rules.PERSON)


def necessary_words(pattern: list[dict[str, Any]]) -> frozenset[str]:
    """The word set of one required (non-optional) token: a match needs one of these words.

    The most selective set is chosen (no common word, then fewest words); empty when no
    required token is a word list, in which case the pattern cannot be gated.
    """
    candidates = []
    for token in pattern:
        value = token.get("LOWER")
        if token.get("OP") in {"?", "*"} or not isinstance(value, (str, dict)):
            continue
        if isinstance(value, dict) and "IN" not in value:  # NOT_IN: any word but these
            continue
        candidates.append(frozenset(value["IN"]) if isinstance(value, dict) else frozenset([value]))
    if not candidates:
        return frozenset()
    return min(candidates, key=lambda words: (not words.isdisjoint(GENERIC_WORDS), len(words)))


def anchor_words(patterns: list[list[dict[str, Any]]]) -> frozenset[str]:
    """Words one of which any match of these patterns needs; empty (always run) if unknown."""
    anchors: set[str] = set()
    for pattern in patterns:
        necessary = necessary_words(pattern)
        if not necessary:
            return frozenset()
        anchors |= necessary
    return frozenset(anchors)


def trigger_words() -> set[str]:
    """Words without which no danger can fire: one necessary word per phrase and per pattern."""
    anchors = (
        "weapon",
        "explosive",
        "injury",
        "attack_in_progress",
        "fire",
        "intrusion",
        "CONTAINER",
        "ANOMALY",
        "ACT",
        "FUEL",
        "AFTERMATH",
        "HOSTILE",
        *hazards.ANCHOR_LABELS,
    )
    cues_only = {
        "PAST",
        "NONTHREAT",
        "HEIRLOOM",
        "OWNERLESS",
        "HERE_NOW",
        "PRESENCE",
        *compound.CUES,
        *FRAME_PATTERNS,
    } - {"THROWN"}
    words: set[str] = set()
    for label in anchors:
        for phrase in rules.PHRASES[label]:
            parts = phrase.lower().split()
            words.add(max(parts, key=lambda w: (w not in GENERIC_WORDS, w.isalpha(), len(w))))
    for label, patterns in rules.PATTERNS.items():
        if label in cues_only and label not in hazards.TRIGGER_PATTERNS:  # cues that fire nothing alone
            continue
        for pattern in patterns:
            necessary = necessary_words(pattern)
            if not necessary:
                raise ValueError(f"a {label} pattern has no specific required word")
            words |= necessary
    return {part for word in words for part in ascii_words(word)}
