"""Token patterns of harm to people: an attack under way and someone hurt (lower-case labels).

spaCy Matcher patterns over lower-cased tokens; the words come from reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import ATTACK_VERBS, PERSON, context_in, word_in

HARM_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "attack_in_progress": [
        [
            word_in(ATTACK_VERBS),
            {
                "LOWER": {
                    "IN": [
                        "a",
                        "the",
                        "an",
                        "some",
                        "two",
                        "this",
                        "that",
                        "random",
                        "police",
                        "security",
                        "young",
                        "old",
                        "other",
                        "loads",
                        "lots",
                        "of",
                        "several",
                        "many",
                        "innocent",
                    ]
                },
                "OP": "*",
            },
            word_in(PERSON),
        ],
        [
            word_in(["screaming", "screamin", "screams", "yelling", "shouting"]),
            {"OP": "?"},
            word_in(["running", "fleeing"]),
        ],
        [
            word_in(["running", "fleeing", "runnin"]),
            {"OP": "?"},
            word_in(["screaming", "screamin", "yelling", "panicking"]),
        ],
        [
            word_in(["beating", "beat", "beats", "beaten"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(["up"]),
        ],
        [
            word_in(["threw", "throwing", "thrown", "throws", "sprayed", "spraying", "splashed", "chucked"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(["acid", "bleach", "ammonia", "corrosive"]),
        ],
        # "grabbed one of our embassy guards by the neck", "is dragging him along the pavement".
        [
            word_in(["grabbed", "grabbing", "grabs", "dragging", "dragged", "drags", "choking", "strangled"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(PERSON),
        ],
        [
            word_in(["grabbed", "grabbing", "holding", "held", "pinned"]),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(["by"]),
            word_in(["the", "his", "her"]),
            word_in(["neck", "throat"]),
        ],
        [
            word_in(
                [
                    "going",
                    "went",
                    "lunging",
                    "lunged",
                    "charging",
                    "charged",
                    "running",
                    "ran",
                    "coming",
                    "swinging",
                ]
            ),
            word_in(["for", "at", "towards"]),
            {"LOWER": {"IN": ["the", "a", "some", "random"]}, "OP": "?"},
            word_in(PERSON),
        ],
        [
            word_in(
                [
                    "throwing",
                    "threw",
                    "thrown",
                    "hurling",
                    "hurled",
                    "lobbing",
                    "dropping",
                    "dropped",
                    "firing",
                    "aiming",
                    "spraying",
                    "sprayed",
                ]
            ),
            {"OP": "?"},
            {"OP": "?"},
            {"OP": "?"},
            word_in(["at", "on", "onto", "into"]),
            {"LOWER": {"IN": ["the", "a", "an", "some"]}, "OP": "?"},
            word_in(PERSON + ["queue", "crowds"]),
        ],
        [word_in(["spraying", "sprayed", "squirting"]), word_in(PERSON), word_in(["with"])],
        # Panic around the speaker: "everyone is screaming", "people are running for their lives".
        [
            word_in(["everyone", "everybody", "people", "ppl", "crowd", "staff", "passengers"]),
            {"LOWER": {"IN": ["is", "are", "'s", "'re", "r", "all", "now", "just", "started"]}, "OP": "+"},
            word_in(["screaming", "panicking", "fleeing", "stampeding"]),
        ],
        [
            word_in(["running", "ran", "run", "runnin"]),
            word_in(["for"]),
            word_in(["their", "our", "my"]),
            word_in(["lives", "life"]),
        ],
    ],
    "injury": [
        # Someone else burnt: "a woman's face is burnt", "his arms are badly burned".
        [
            word_in(["his", "her", "their", "'s", "s"]),
            word_in(["face", "faces", "skin", "eyes", "eye", "arm", "arms", "hand", "hands", "leg", "legs"]),
            {"LOWER": {"IN": ["is", "are", "'s", "was", "got", "been", "has", "have", "badly"]}, "OP": "+"},
            word_in(["burnt", "burned", "burning", "blistering", "melting", "bleeding"]),
        ],
        [
            word_in(["is", "are", "'s", "'re", "r", "been", "got", "badly", "seriously", "was", "were"]),
            word_in(["hurt", "injured"]),
        ],
        [word_in(PERSON), word_in(["hurt", "dead", "dying"])],
        [word_in(PERSON), word_in(["is", "are", "'s", "'re"]), word_in(["dead", "dying"])],
        [
            word_in(["killed", "killing"]),
            {"LOWER": {"IN": ["a", "the", "some", "two"]}, "OP": "?"},
            word_in([p for p in PERSON if p not in ("me", "us")]),
        ],
        [
            word_in(["been", "got", "being"]),
            word_in(["killed", "stabbed", "shot", "slashed", "knifed", "trampled"]),
        ],
        [word_in(["been", "got", "being"]), word_in(["run", "knocked"]), word_in(["over", "down"])],
        # "knocked a kid over", "ran a woman down".
        [
            word_in(["knocked", "knocking", "knocks", "ran", "run", "running"]),
            {
                "LOWER": {"IN": ["a", "an", "the", "some", "two", "this", "that", "little", "young", "old"]},
                "OP": "*",
            },
            word_in(PERSON + ["kid", "kids", "child", "cyclist", "pedestrian"]),
            word_in(["over", "down", "flying"]),
        ],
        # People coughing, choking or collapsing: smoke, gas or something in the air.
        [
            word_in(
                ["people", "ppl", "everyone", "everybody", "they", "we", "us", "both", "passengers"]
                + ["kids", "children", "colleagues", "staff"]
            ),
            {
                "LOWER": {
                    "IN": ["r", "are", "'re", "were", "keep", "keeps", "all", "now", "have", "started"]
                    + ["badly", "ca", "n't", "cant", "stop", "of", "them", "is"]
                },
                "OP": "*",
            },
            word_in(["coughing", "choking", "vomiting", "fainting", "collapsing", "collapsed", "wheezing"]),
        ],
        [
            word_in(PERSON),
            word_in(["is", "are", "'s", "'re"]),
            word_in(["choking", "suffocating", "fitting", "convulsing"]),
        ],
        [word_in(["ca", "can", "cannot", "could"]), {"LOWER": "n't", "OP": "?"}, word_in(["breathe"])],
        [
            word_in(["floor", "ground", "pavement", "road", "street"] + PERSON),
            {"LOWER": {"IN": ["is", "'s", "are", "was", "ai"]}, "OP": "?"},
            word_in(["not", "n't"]),
            word_in(["moving", "breathing", "responding", "conscious"]),
        ],
    ],
}

# A fight or attack under way: "a fight has broken out in the lobby", "two men are fighting outside",
# "there's a massive brawl", "attack happening now in the square".
IN_PROGRESS_PATTERNS: list[list[dict[str, Any]]] = [
    [
        context_in("fight_nouns"),
        {"LOWER": {"IN": ["has", "have", "just", "'s", "s", "is", "are", "now"]}, "OP": "*"},
        context_in("under_way"),
        {"LOWER": {"IN": ["out", "off", "on", "place"]}, "OP": "?"},
    ],
    [
        word_in(["there"]),
        word_in(["'s", "s", "is", "are"]),
        context_in("fight_adjectives", "*"),
        word_in(["fight", "fights", "brawl", "scuffle", "punch-up", "riot", "fighting", "brawling"]),
    ],
    [
        word_in(PERSON),
        {
            "LOWER": {"IN": ["are", "is", "'re", "'s", "r", "keep", "still", "now", "all", "started"]},
            "OP": "*",
        },
        context_in("fighting"),
        context_in("fighting_where"),
    ],
    [context_in("fighting"), word_in(["with"]), context_in("fought_with")],
]
