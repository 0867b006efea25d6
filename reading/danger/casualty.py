"""Casualties told in slang or few words, a vehicle sped or driven into people, a device said to go off.

More danger patterns, each a structure said many ways:
- someone bleeding in slang: "he's leaking bad", "my boy is leakin everywhere";
- someone down and not responding, told as two cues (DOWN and SILENT, joined in
  reading/danger/compound.py): "got jumped, he ain't talking", "she's on the floor, not moving";
- someone on or pushed onto the railway: "got pushed onto the tracks", "shoved in front of a train";
- a vehicle sped into people, in plain or learner's English: "car go very fast into people";
- a device said to go off: "a device in the building that will go off in 10 minutes".
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import CONTAINERS, PERSON, VEHICLE_TARGETS, VEHICLES, word_in, word_in_op
from reading.danger.words import CONTEXTS as _CONTEXTS

Pattern = list[dict[str, Any]]

# People as slang names them, besides the person words of the vocabulary.
_PEOPLE = PERSON + [
    "yute",
    "youth",
    "youths",
    "bruv",
    "bro",
    "brother",
    "fam",
    "mate",
    "geezer",
    "boy",
    "girl",
    "cuz",
    "blud",
    "bredda",
    "brudda",
    "mandem",
    "friend",
    "son",
    "daughter",
    "dad",
    "mum",
    "lad",
    "fella",
    "feller",
    "kid",
    "kids",
    "husband",
    "wife",
    "partner",
    "victim",
]
_BE = word_in_op(
    ["is", "'s", "s", "are", "'re", "was", "just", "proper", "really", "been", "keeps", "still"], "*"
)
_NOT = word_in(["not", "n't", "nt", "aint", "never"])
_NOT_END = {"LOWER": {"NOT_IN": [".", "!", "?", ";", "and", "but"]}, "OP": "?"}

INJURY: list[Pattern] = [
    # "he's leaking bad", "bruv is leakin everywhere", "leaking blood".
    [
        word_in(_PEOPLE),
        _BE,
        word_in(["leaking", "pouring", "gushing", "spurting"]),
        word_in(["bad", "badly", "blood", "everywhere", "loads", "heavy", "heavily", "proper", "all"]),
    ],
    [word_in(["leaking", "gushing", "spurting", "losing"]), word_in(["blood"])],
    [
        word_in(["leaking", "gushing", "spurting", "pouring"]),
        word_in(["from", "out"]),
        word_in_op(["of"], "?"),
        word_in(["his", "her", "their", "the"]),
        word_in(
            ["neck", "head", "chest", "stomach", "belly", "side", "back", "face", "throat", "leg", "arm"]
        ),
    ],
    # "got pushed onto the tracks", "fell on the line", "shoved someone in front of a train".
    [
        word_in(
            [
                "pushed",
                "push",
                "pushing",
                "shoved",
                "shove",
                "shoving",
                "thrown",
                "threw",
                "fell",
                "fallen",
                "falling",
                "jumped",
                "knocked",
                "dragged",
                "kicked",
                "tripped",
            ]
        ),
        word_in_op(["a", "the", "some", "this", "that", "an", "old", "young", "down"], "*"),
        word_in_op(_PEOPLE, "?"),
        word_in(["onto", "on", "into"]),
        word_in_op(["the", "a"], "?"),
        word_in(["tracks", "track", "rails", "railway", "line", "rail"]),
    ],
    [
        word_in(["pushed", "shoved", "thrown", "threw", "fell", "jumped", "knocked", "dragged", "kicked"]),
        word_in_op(["a", "the", "some", "this", "that", "an", "old", "young"], "*"),
        word_in_op(_PEOPLE, "?"),
        word_in(["in"]),
        word_in(["front"]),
        word_in(["of"]),
        word_in(["a", "the", "an"]),
        word_in(["train", "tube", "bus", "lorry", "truck", "car", "van", "tram"]),
    ],
]

# Someone down or set upon, and someone not responding: the two together are a casualty.
CASUALTY_CUES: dict[str, list[Pattern]] = {
    "DOWN": [
        [
            word_in(["on", "onto"]),
            word_in(["the", "da", "a"]),
            word_in(["floor", "ground", "pavement", "road", "tracks"]),
        ],
        [
            word_in(["got", "been", "get", "getting", "was", "were"]),
            word_in(["jumped", "battered", "beaten", "knocked", "rushed", "merked", "stomped", "kicked"]),
        ],
        [word_in(["collapsed", "slumped", "sprawled", "crumpled"])],
        [word_in(["passed", "blacked", "knocked", "spark", "sparked"]), word_in(["out"])],
        [word_in(["fell", "fallen", "falling", "fall"]), word_in(["down", "over", "off"])],
        [
            word_in(["hit", "banged", "smashed", "cracked"]),
            word_in(["his", "her", "their"]),
            word_in(["head"]),
        ],
    ],
    "SILENT": [
        # "on the ground, not moving": the person already named, in the DOWN cue.
        [
            word_in([",", "and", "but", "-", "still", "just"]),
            _NOT,
            word_in(["moving", "responding", "breathing", "waking", "conscious", "awake"]),
        ],
        [
            word_in(_PEOPLE),
            word_in_op(
                [
                    "is",
                    "'s",
                    "s",
                    "ai",
                    "are",
                    "'re",
                    "was",
                    "still",
                    "just",
                    "does",
                    "do",
                    "did",
                    "wo",
                    "ca",
                ],
                "*",
            ),
            _NOT,
            word_in(
                [
                    "talking",
                    "talkin",
                    "speaking",
                    "answering",
                    "responding",
                    "moving",
                    "breathing",
                    "waking",
                    "wake",
                    "move",
                    "respond",
                    "talk",
                    "answer",
                    "conscious",
                    "awake",
                    "getting",
                ]
            ),
        ],
    ],
}

# "car go very fast into people", "a van came speeding at full speed into the crowd".
VEHICLE_MOTION: list[Pattern] = [
    [
        word_in(
            [
                "go",
                "goes",
                "went",
                "going",
                "come",
                "comes",
                "came",
                "coming",
                "drive",
                "drives",
                "driving",
                "drove",
                "ride",
                "rides",
                "riding",
                "run",
                "runs",
                "ran",
            ]
        ),
        word_in_op(
            ["very", "so", "really", "too", "super", "at", "full", "high", "mad", "crazy", "top"], "*"
        ),
        word_in(["fast", "quick", "quickly", "speed", "speeding", "fastly"]),
        word_in(["into", "in", "at", "onto", "through", "towards", "toward", "to"]),
        word_in_op(["the", "a", "many", "lot", "lots", "of", "some", "all", "those", "much"], "*"),
        {"IS_ALPHA": True, "OP": "?"},
        word_in(VEHICLE_TARGETS),
    ],
]

# "a device in the building that will go off", "said the bag is set to blow up at noon".
EXPLOSIVE: list[Pattern] = [
    [
        word_in([*CONTAINERS, "something", "bomb", "bombs", "explosives"]),
        *[_NOT_END] * 10,
        word_in(["will", "'ll", "ll", "gonna", "going", "set", "timed", "about", "due", "ready", "gon"]),
        word_in_op(["to", "na"], "?"),
        word_in(["go", "blow"]),
        word_in(["off", "up"]),
    ],
]

_COLOURS = [
    "silver",
    "grey",
    "gray",
    "red",
    "blue",
    "dark",
    "green",
    "range",
    "land",
    "transit",
    "massive",
    "huge",
]
# "rammed his car through our barrier", "drove a van into the crowd", "drivin a black range rover at ppl".
RAM_PATTERNS: list[Pattern] = [
    [
        word_in(_CONTEXTS["ram_verbs"]),
        {
            "LOWER": {
                "IN": ["his", "her", "their", "a", "the", "this", "that", "big", "white", "black", *_COLOURS]
            },
            "OP": "*",
        },
        word_in(VEHICLES),
        word_in(["into", "through", "at", "towards", "onto"]),
        {"LOWER": {"IN": ["the", "a", "our", "their", "front", "main", "security", "embassy"]}, "OP": "*"},
        word_in(_CONTEXTS["ram_targets"] + VEHICLE_TARGETS),
    ],
]
