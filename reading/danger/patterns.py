"""Token patterns of the dangers themselves (lower-case labels: they become DangerResult.reasons).

spaCy Matcher patterns over lower-cased tokens; the words come from reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import (
    ATTACK_VERBS,
    BE,
    CIVILIANS,
    FORCE_VERBS,
    PERSON,
    THREAT_VERBS,
    VEHICLE_TARGETS,
    VEHICLE_VERBS,
    word_in,
)

DANGER_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
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
            word_in(PERSON),
        ],
        [word_in(["spraying", "sprayed", "squirting"]), word_in(PERSON), word_in(["with"])],
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
    "injury": [
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
                ["people", "ppl", "everyone", "everybody", "they", "we", "passengers", "kids", "children"]
            ),
            {
                "LOWER": {
                    "IN": ["r", "are", "'re", "were", "keep", "keeps", "all", "now", "have", "started"]
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
            {"LOWER": {"IN": ["is", "'s", "are"]}, "OP": "?"},
            word_in(["not"]),
            word_in(["moving", "breathing", "responding", "conscious"]),
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
