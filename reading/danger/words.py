"""The danger detector's word lists (reading/danger/vocabulary.yml) and the helpers its token patterns use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reading.yaml_data import read_yaml

_VOCABULARY = read_yaml(Path(__file__).with_name("vocabulary.yml"))
_WORDS: dict[str, list[str]] = _VOCABULARY["words"]

PERSON = _WORDS["person"]
CIVILIANS = [p for p in PERSON if p not in ("officer", "officers", "guard", "guards", "policeman", "copper")]
MEDIA = _WORDS["media"]
VEHICLES = _WORDS["vehicles"]
CONTAINERS = _WORDS["containers"]
POLICE = _WORDS["police"]
THROW_VERBS = _WORDS["throw_verbs"]
THROWN_THINGS = [*_WORDS["thrown_things"], *CONTAINERS]
NUMBER_WORDS = _WORDS["number_words"]
ATTACK_VERBS = _WORDS["attack_verbs"]
VEHICLE_VERBS = _WORDS["vehicle_verbs"]
VEHICLE_TARGETS = _WORDS["vehicle_targets"]
THREAT_VERBS = _WORDS["threat_verbs"]
ACT_TARGETS = _WORDS["act_targets"]
FORCE_VERBS = _WORDS["force_verbs"]
FUELS = _WORDS["fuels"]
SPREAD_VERBS = _WORDS["spread_verbs"]
FUEL_FILLERS = _WORDS["fuel_fillers"]
IGNITE_VERBS = _WORDS["ignite_verbs"]
IGNITE_THREAT_STARTERS = _WORDS["ignite_threat_starters"]
DROP_VERBS = _WORDS["drop_verbs"]
BARRIERS = _WORDS["barriers"]
INSIDE_PLACES = _WORDS["inside_places"]
CLOTHING = _WORDS["clothing"]
HIDE_NOUNS = _WORDS["hide_nouns"]
FUNCTION_WORDS = _WORDS["function_words"]
WEAPON_NOUNS = _WORDS["weapon_nouns"]
INFO_TOPICS = _WORDS["info_topics"]
INFO_NOUNS = _WORDS["info_nouns"]
INFO_FILLERS = _WORDS["info_fillers"]
TOPIC_VERBS = _WORDS["topic_verbs"]
TOPIC_LINKS = _WORDS["topic_links"]
# Phrase lists by label (the CONTAINER cue is the containers list itself, a YAML alias).
PHRASES: dict[str, list[str]] = _VOCABULARY["phrases"]
# The detector's own word sets: sentences, questions, negation, calm (reading/danger/detector.py).
SENTENCE_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words) for name, words in _VOCABULARY["sentences"].items()
}

# The message frame's word sets (reading/danger/frame.py).
FRAME_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words) for name, words in _VOCABULARY["frame"].items()
}


def word_in(words: list[str]) -> dict[str, dict[str, list[str]]]:
    return {"LOWER": {"IN": words}}


ACT_DETS = {
    "LOWER": {
        "IN": ["the", "our", "my", "at", "a", "this", "that", "all", "main", "front", "back", "side", "of"]
    },
    "OP": "*",
}
BE = word_in(["is", "are", "'s", "'re", "s", "was", "were", "has", "have", "been", "got"])
NOBODY: tuple[list[dict[str, Any]], ...] = (
    [word_in(["nobody", "noone", "nobodys", "noones"])],
    [word_in(["no"]), word_in(["one", "ones"])],
)

# Context words of the compound cues and the harmless readings, by name.
CONTEXTS: dict[str, list[str]] = _VOCABULARY["contexts"]


def word_in_op(words: list[str], op: str) -> dict[str, Any]:
    """A token from `words` that may be left out or repeated (op "?", "*" or "+")."""
    return {"LOWER": {"IN": words}, "OP": op}


def context_in(name: str, op: str | None = None) -> dict[str, Any]:
    """A token from the context word list `name` (reading/danger/vocabulary.yml `contexts`)."""
    return word_in_op(CONTEXTS[name], op) if op else word_in(CONTEXTS[name])
