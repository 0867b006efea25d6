"""Token patterns of the cues (UPPER-case labels): they only change how a sentence is read.

An act or a climb needs urgency to be a danger; an item needs presence or an anomaly; something
thrown is a suspect item with an anomaly; past and harmless context hold a danger back (danger.py).
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import (
    CONTAINERS,
    MEDIA,
    NOBODY,
    NUMBER_WORDS,
    POLICE,
    THROW_VERBS,
    THROWN_THINGS,
    VEHICLE_TARGETS,
    WEAPON_NOUNS,
    context_in,
    word_in,
    word_in_op,
)

CUE_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    # Someone following the person now: a danger to them, not a report.
    "ACT": [
        [
            word_in(["following", "chasing", "stalking"]),
            word_in(["me", "us", "my", "our"]),
        ],
    ],
    "CLIMB": [
        [
            word_in(
                ["climbed", "climbing", "scaled", "scaling", "jumped", "jumping", "hopped", "vaulted", "got"]
            ),
            {
                "LOWER": {
                    "IN": [
                        "over",
                        "up",
                        "onto",
                        "the",
                        "a",
                        "our",
                        "their",
                        "perimeter",
                        "embassy",
                        "front",
                        "back",
                        "side",
                        "security",
                        "high",
                    ]
                },
                "OP": "*",
            },
            word_in(
                [
                    "wall",
                    "walls",
                    "fence",
                    "fences",
                    "gate",
                    "gates",
                    "railings",
                    "barrier",
                    "barriers",
                    "roof",
                ]
            ),
        ],
    ],
    # Weaker motion verbs: only a danger with a vehicle in the same sentence (see danger.py).
    "VEHICLE_MOTION": [
        [
            word_in(
                [
                    "heading",
                    "headed",
                    "aiming",
                    "aimed",
                    "going",
                    "racing",
                    "raced",
                    "speeding",
                    "accelerating",
                    "steering",
                    "swerving",
                    "veering",
                    "coming",
                ]
            ),
            {"LOWER": {"IN": ["straight", "directly", "right", "fast"]}, "OP": "?"},
            word_in(["for", "at", "towards", "toward", "into", "onto"]),
            {"LOWER": {"IN": ["the", "a", "some", "all", "those", "loads", "lots", "of", "many"]}, "OP": "*"},
            {"IS_ALPHA": True, "OP": "?"},
            word_in(VEHICLE_TARGETS + ["pavement", "kerb", "curb", "sidewalk", "barriers"]),
        ],
        # "riding a moped through the crowd", "a van going into the queue".
        [
            word_in(["through", "into", "at", "towards"]),
            {"LOWER": {"IN": ["the", "a", "all", "those"]}, "OP": "?"},
            word_in(["crowd", "crowds", "queue", "pedestrians", "shoppers", "tourists", "protesters"]),
        ],
        # "going the wrong way down the street straight towards the protest".
        [
            word_in(["straight", "directly", "right"]),
            word_in(["towards", "toward", "at", "for", "into"]),
            {"LOWER": {"IN": ["the", "a", "all", "those", "that", "this", "our"]}, "OP": "*"},
            {"IS_ALPHA": True, "OP": "?"},
            word_in(VEHICLE_TARGETS),
        ],
        # "and it's not slowing down", "isn't braking".
        [word_in(["not", "n't", "isnt", "never"]), word_in(["slowing", "braking"])],
    ],
    # Someone handling a weapon as the message is written ("is it normal for someone to be
    # pointing a rifle at the street?"): present, so asking about it does not hold it back.
    "PRESENCE": [
        [
            word_in(["pointing", "aiming", "brandishing", "wielding", "waving", "loading"]),
            {"LOWER": {"IN": ["a", "an", "his", "her", "their", "some", "what", "looks", "like"]}, "OP": "*"},
            {"IS_ALPHA": True, "OP": "?"},
            word_in(WEAPON_NOUNS + ["knife", "knives", "machete", "blade", "axe", "crossbow"]),
        ],
    ],
    "SUSPECT_ADJ": [
        [
            word_in(
                [
                    "suspicious",
                    "suspicous",
                    "suspisious",
                    "suspect",
                    "unattended",
                    "unatended",
                    "unattented",
                    "abandoned",
                    "dodgy",
                    "sus",
                    "strange",
                    "unknown",
                    "weird",
                    "odd",
                    "unclaimed",
                ]
            ),
            {"OP": "?"},
            word_in(CONTAINERS),
        ],
    ],
    # Something thrown or lobbed (over a wall, into a garden, at a gate): with an anomaly
    # ("it's smoking", "now it's hissing") it is a suspect item now, like a bag would be.
    "THROWN": [
        [
            word_in(THROW_VERBS),
            {
                "LOWER": {
                    "IN": ["a", "an", "some", "this", "that", "small", "little", "big", "metal", "plastic"]
                },
                "OP": "*",
            },
            word_in(THROWN_THINGS),
        ],
    ],
    "LEFT_ITEM": [
        [
            word_in(CONTAINERS),
            {
                "LOWER": {"IN": ["has", "have", "was", "were", "been", "is", "are", "just", "being"]},
                "OP": "*",
            },
            word_in(["left", "dumped", "abandoned", "planted", "hidden", "placed", "dropped"]),
        ],
        [
            word_in(
                [
                    "left",
                    "dumped",
                    "abandoned",
                    "planted",
                    "dropped",
                    "placed",
                    "hid",
                    "hidden",
                    "leaving",
                    "dumping",
                    "leave",
                    "leaves",
                    "drops",
                    "dumps",
                    "plants",
                    "put",
                    "puts",
                ]
            ),
            {
                "LOWER": {
                    "IN": ["a", "an", "the", "this", "some", "his", "her", "their", "big", "black", "large"]
                },
                "OP": "*",
            },
            word_in(CONTAINERS),
        ],
    ],
    # "nobody's sitting with it", "no one is near them": the phrases of OWNERLESS, said more ways.
    "OWNERLESS": [
        [
            *pattern_start,
            {"LOWER": {"IN": ["'s", "s", "is", "was", "seems", "has", "been"]}, "OP": "*"},
            {
                "LOWER": {"IN": ["sitting", "standing", "staying", "waiting", "stood", "sat", "come"]},
                "OP": "?",
            },
            word_in(["with", "near", "around", "by", "next", "beside", "for"]),
            {"LOWER": {"IN": ["to", "back"]}, "OP": "?"},
            word_in(["it", "them"]),
        ]
        for pattern_start in NOBODY
    ]
    + [
        [
            *pattern_start,
            {"LOWER": {"IN": ["seems", "appears", "wants", "is", "'s", "has", "to"]}, "OP": "*"},
            word_in(["own", "owns", "owning", "claim", "claims", "claimed", "claiming"]),
        ]
        for pattern_start in NOBODY
    ]
    # "the man who put it down walked off quickly towards the Tube without it"
    + [
        [
            context_in("walking_off_words"),
            word_in(["off", "away"]),
            *[{"IS_PUNCT": False, "OP": "?"}] * 4,
            word_in(["without"]),
            word_in(["it", "them"]),
        ],
        # Leaving said in one word or an idiom: "legged it without it", "vanished without them".
        [
            context_in("leaving_words"),
            {"LOWER": {"IN": ["it", "off", "out", "away"]}, "OP": "?"},
            *[{"IS_PUNCT": False, "OP": "?"}] * 4,
            word_in(["without"]),
            word_in(["it", "them"]),
        ],
    ],
    "HERE_NOW": [
        [
            word_in(["this", "our"]),
            word_in(
                ["train", "tube", "carriage", "bus", "coach", "platform", "station", "concourse", "tram"]
            ),
        ]
    ],
    "PAST": [
        [
            {"LIKE_NUM": True},
            word_in(["days", "weeks", "months", "years", "day", "week", "month", "year"]),
            word_in(["ago"]),
        ],
        [
            word_in(NUMBER_WORDS),
            {"LOWER": "of", "OP": "?"},
            word_in(["days", "weeks", "months", "years", "day", "week", "month", "year", "fortnight"]),
            word_in(["ago"]),
        ],
        # The speaker's own younger years: "when I was 17", "when I was a teenager", "as a kid".
        [
            word_in(["when", "back", "as"]),
            word_in_op(["i", "we"], "?"),
            word_in_op(["was", "were"], "?"),
            word_in_op(["a", "still", "only", "just", "at", "in"], "*"),
            context_in("younger_years"),
        ],
        [word_in(["when"]), word_in(["i", "we"]), word_in(["was", "were"]), {"LIKE_NUM": True}],
        [word_in(["in"]), {"SHAPE": "dddd"}],
        # "during the IRA bombings in the 1970s", "back in the 80s": a decade gone.
        [word_in(["in", "during", "through"]), word_in(["the"]), {"SHAPE": {"IN": ["ddddx", "ddx"]}}],
    ],
    "NONTHREAT": [
        [
            word_in(POLICE),
            word_in(["carry", "carrying", "carries", "have", "use", "using", "armed", "with"]),
            context_in("kit_sizes", "*"),
            word_in(["guns", "firearms", "weapons", "tasers", "rifles"]),
        ],
        [word_in(["shoot", "hit"]), word_in(["me", "us"]), word_in(["a", "an", "up"])],
        [
            word_in(MEDIA),
            word_in(["about", "on", "with", "had", "has", "have", "featuring", "showing", "shows"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
        ],
    ],
}
