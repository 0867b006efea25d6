"""Token patterns of the dangers themselves (lower-case labels: they become DangerResult.reasons).

spaCy Matcher patterns over lower-cased tokens; the words come from reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger.harm import HARM_PATTERNS
from reading.danger.words import (
    ACT_TARGETS,
    BE,
    CIVILIANS,
    FORCE_VERBS,
    INSIDE_PLACES,
    PERSON,
    THREAT_VERBS,
    VEHICLE_TARGETS,
    VEHICLE_VERBS,
    word_in,
    word_in_op,
)

# Who or what a person gets past by force, and the verbs besides FORCE_VERBS that say how.
PAST_SECURITY = [
    "security", "guards", "guard", "officers", "officer", "police", "reception", "barrier", "barriers",
    "checkpoint", "cordon", "scanner", "scanners", "desk", "staff", "bouncers", "doorman",
]  # fmt: skip
PAST_SECURITY_VERBS = [
    "rushed", "rushing", "burst", "bursting", "charged", "charging", "stormed", "storming", "sneaked",
    "snuck", "slipped", "shoved", "barrelled",
]  # fmt: skip

# Breaking a lock or a fence to get in ("have cut the padlock", "prising the shutters"): an ACT
# cue (reading/danger/rules.py), a danger only with urgency.
BREAKING_IN: list[list[dict[str, Any]]] = [
    [
        word_in(
            [
                "cut",
                "cutting",
                "sawing",
                "sawn",
                "snapped",
                "snapping",
                "prising",
                "prised",
                "prying",
                "pried",
                "jemmying",
                "jimmying",
                "drilling",
                "drilled",
                "bolt",
                "picking",
            ]
        ),  # fmt: skip
        word_in_op(["the", "a", "our", "their", "through", "off", "open", "cutters", "gate's", "gate"], "*"),
        word_in(
            [
                "padlock",
                "padlocks",
                "lock",
                "locks",
                "chain",
                "chains",
                "bars",
                "shutter",
                "shutters",
                "fence",
            ]
        ),
    ]
]

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
        # A threat told as said, in any English: "he says he will kill everyone", "he say he burn
        # the embassy", "shouting that she's going to stab someone".
        [
            word_in(["say", "says", "said", "saying", "shouting", "yelling", "screaming", "threatens"]),
            word_in_op(
                [
                    "that",
                    "he",
                    "she",
                    "they",
                    "he'll",
                    "she'll",
                    "they'll",
                    "'ll",
                    "will",
                    "wil",
                    "would",
                    "'d",
                ],
                "+",
            ),
            word_in_op(["gonna", "gon", "na", "going", "to", "is", "'s", "are", "wants", "want", "can"], "*"),
            word_in(THREAT_VERBS + ["stab", "kill"]),
            word_in_op(["the", "this", "that", "all", "every", "our", "his", "her", "up", "down"], "*"),
            word_in(PERSON + ACT_TARGETS + ["himself", "herself", "themselves", "everybody", "place"]),
        ],
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
        # A vehicle that hit a protected site's barrier: "car hit the barrier of the embassy".
        [
            word_in(["hit", "hits", "hitting", "slammed", "slams", "smashes", "crashes", "ploughs"]),
            word_in_op(["into", "through", "the", "a", "our", "their"], "*"),
            word_in(["barrier", "barriers", "gate", "gates", "bollards", "checkpoint"]),
            word_in_op(["of", "at", "outside", "in", "front", "the", "a"], "*"),
            word_in(["embassy", "consulate", "mission", "commission", "parliament", "palace", "ministry"]),
        ],
        [
            word_in(["hit", "hits", "hitting", "slammed", "slams", "smashes", "crashes", "ploughs"]),
            word_in_op(["into", "through", "the", "a", "our", "their"], "*"),
            word_in(["embassy", "embassy's", "consulate", "security", "perimeter"]),
            word_in(["barrier", "barriers", "gate", "gates", "bollards", "checkpoint"]),
        ],
    ],
    "intrusion": [
        # Getting past security by force: "pushed past security", "barged through the guards".
        [
            word_in(FORCE_VERBS + PAST_SECURITY_VERBS),
            word_in(["past", "through"]),
            word_in_op(["the", "a", "our", "their", "front", "main", "embassy", "embassy's"], "*"),
            word_in(PAST_SECURITY),
        ],
        # Someone who has just got over the fence: "someone has just climbed the perimeter fence".
        [
            word_in(PERSON),
            word_in_op(["has", "have", "'s", "'ve"], "?"),
            word_in(["just"]),
            word_in(["climbed", "scaled", "jumped", "hopped", "vaulted", "got"]),
            word_in_op(
                ["over", "up", "onto", "into", "the", "a", "our", "their", "perimeter", "embassy"], "*"
            ),
            word_in(["wall", "walls", "fence", "fences", "gate", "gates", "railings", "barrier", "barriers"]),
        ],
        # "stormed into the building", "burst into the embassy".
        [
            word_in(["stormed", "storming", "storms", "burst", "bursting", "barged", "barging"]),
            word_in(["into", "in", "through"]),
            word_in_op(["the", "a", "our", "their", "front", "main", "visa", "embassy", "embassy's"], "*"),
            word_in(INSIDE_PLACES + ["grounds", "compound", "gates", "gate", "door", "doors"]),
        ],
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
