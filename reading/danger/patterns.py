"""Token patterns of the dangers themselves (lower-case labels: they become DangerResult.reasons).

spaCy Matcher patterns over lower-cased tokens; the words come from reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger.harm import HARM_PATTERNS
from reading.danger.words import (
    BE,
    CIVILIANS,
    FORCE_VERBS,
    THREAT_VERBS,
    VEHICLE_TARGETS,
    VEHICLE_VERBS,
    word_in,
)

DANGER_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    **HARM_PATTERNS,
    "weapon": [
        [
            word_in(["armed"]),
            {"LOWER": {"IN": ["and", "with"]}, "OP": "?"},
            {"LOWER": {"IN": ["dangerous"]}, "OP": "?"},
            word_in(CIVILIANS),
        ],
        [
            word_in(CIVILIANS),
            BE,
            {"LOWER": {"IN": ["also", "definitely", "clearly"]}, "OP": "?"},
            word_in(["armed"]),
        ],
        [
            word_in(["shot", "shots"]),
            word_in(["at", "fired", "him", "her", "someone", "somebody", "people", "a", "the", "me"]),
        ],
        [
            word_in(["shots", "gunshots", "bullets"]),
            word_in(["being", "are", "were", "been", "getting", "just"]),
            {"OP": "?"},
            word_in(["fired", "shot"]),
        ],
        [
            word_in(["with", "holding", "carrying", "waving", "wielding", "swinging"]),
            word_in(["a", "an", "his", "her", "some"]),
            {"LOWER": {"IN": ["big", "metal", "iron", "huge", "baseball", "cricket", "large"]}, "OP": "?"},
            word_in(
                ["hammer", "crowbar", "bar", "bat", "hatchet", "cleaver", "spear", "chainsaw", "screwdriver"]
            ),
        ],
    ],
    "threat": [
        [
            # spaCy splits "gonna" and "wanna" into "gon"/"wan" + "na".
            word_in(
                ["going", "gonna", "na", "trying", "threatening", "threatened", "wants", "about", "planning"]
            ),
            {"LOWER": "to", "OP": "?"},
            word_in(THREAT_VERBS),
        ],
        [word_in(["shouting", "making", "screaming"]), word_in(["threats", "threat"])],
        [word_in(["blow", "blowing"]), {"OP": "?"}, {"OP": "?"}, word_in(["up"])],
    ],
    "explosive": [
        # A vest or belt with wires: "a vest with wires under his coat", "wires coming out of his jacket".
        [
            word_in(["vest", "belt", "jacket", "coat"]),
            {"OP": "?"},
            {"OP": "?"},
            word_in(["wires", "wire", "wiring"]),
        ],
        [
            word_in(["wires", "wire", "wiring"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(["vest", "belt"]),
        ],
    ],
    "vehicle_attack": [
        [
            word_in(VEHICLE_VERBS),
            word_in(["into", "at", "through", "over", "towards", "onto", "down"]),
            {
                "LOWER": {
                    "IN": [
                        "the",
                        "a",
                        "some",
                        "all",
                        "those",
                        "loads",
                        "lots",
                        "of",
                        "many",
                        "several",
                        "dozens",
                        "few",
                        "load",
                        "bunch",
                        "group",
                        "crowd",
                    ]
                },
                "OP": "*",
            },
            word_in(VEHICLE_TARGETS),
        ],
        [
            word_in(["mounted", "mounting", "mounts", "mount", "drove", "driving", "driven", "drives"]),
            {"LOWER": {"IN": ["onto", "on", "along", "up", "the", "a"]}, "OP": "*"},
            word_in(["pavement", "kerb", "curb", "sidewalk", "footpath"]),
        ],
        [
            word_in(["ran", "run", "running", "mowed", "mowing"]),
            word_in(["people", "ppl", "pedestrians", "someone", "them"]),
            word_in(["over", "down"]),
        ],
        # A vehicle driven at a barrier or gates: "rammed the barrier", "crashed through the gates".
        [
            word_in(
                ["rammed", "ramming", "rams", "crashed", "crashing", "smashed", "ploughed", "drove", "driven"]
            ),
            word_in(["into", "through", "the", "a"]),
            {"LOWER": {"IN": ["the", "a", "embassy", "security", "front", "main", "vehicle"]}, "OP": "*"},
            word_in(["barrier", "barriers", "gate", "gates", "bollards", "checkpoint", "fence"]),
        ],
    ],
    "intrusion": [
        # "smashing their way into the consulate", "forcing his way in".
        [
            word_in(FORCE_VERBS),
            word_in(["their", "his", "her", "its", "a", "my", "our"]),
            word_in(["way"]),
            word_in(["in", "into", "through", "past"]),
        ],
        [
            word_in(
                ["kicking", "kicked", "smashing", "smashed", "breaking", "forcing", "ramming", "battering"]
            ),
            {"LOWER": {"NOT_IN": [".", "!", "?", ",", "and", "but"]}, "OP": "?"},
            {"LOWER": {"NOT_IN": [".", "!", "?", ",", "and", "but"]}, "OP": "?"},
            {"LOWER": {"NOT_IN": [".", "!", "?", ",", "and", "but"]}, "OP": "?"},
            word_in(["door", "doors", "gate", "gates", "window", "windows", "glass", "lock", "barrier"]),
            {"LOWER": {"IN": ["in", "down", "open"]}, "OP": "?"},
        ],
        [
            word_in(["trying", "attempting", "tried", "attempted", "started"]),
            word_in(["to"]),
            word_in(["force", "break", "smash", "kick", "ram", "climb", "jump", "scale"]),
            {"LOWER": {"IN": ["in", "into", "open", "down", "over", "the", "a", "our", "through"]}},
        ],
    ],
}
