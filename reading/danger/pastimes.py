"""More harmless readings of danger words (NONTHREAT patterns): pastimes and sounds alike.

- sport shooting and its places: "target shooting", "clay pigeon shooting", "a shooting club";
- crafts, cosmetics and treats called bombs: "bath bombs", "seed bombs", "hot chocolate bombs";
- a bang maker said to sound like a danger: "fireworks every night, sounds like gunshots",
  "it sounded like a gunshot but it was only a car backfiring";
- going off or not talking said of errands and moods: "the box will go off to the depot", "the
  screen goes off automatically", "she's not talking to me".
The bang makers are the `bang_makers` context of reading/danger/vocabulary.yml.
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import context_in, word_in, word_in_op

Pattern = list[dict[str, Any]]

_NOT_END = {"LOWER": {"NOT_IN": [".", "!", "?", ";"]}, "OP": "?"}
_SHOTS = word_in(
    [
        "gunshot",
        "gunshots",
        "gunfire",
        "shots",
        "shot",
        "shooting",
        "guns",
        "gun",
        "bomb",
        "bombs",
        "explosion",
        "explosions",
        "explosive",
        "bang",
        "bangs",
        "machine",
        "grenade",
        "grenades",
    ]
)
_SOUND = word_in(["sound", "sounds", "sounded", "sounding", "look", "looks", "looked", "like"])

_GOING_OFF = word_in_op(["exploding", "going", "off", "blowing", "up", "firing", "being", "fired"], "*")

PASTIME_PATTERNS: list[Pattern] = [
    [
        word_in(["go", "goes", "going", "went", "gone"]),
        word_in(["off"]),
        word_in(["to", "automatically", "itself", "every"]),
    ],
    [
        word_in(["talking", "speaking", "talk", "speak"]),
        word_in(["to", "with"]),
        word_in(["me", "us", "him", "her", "them", "anyone", "anybody", "my", "each"]),
    ],
    [
        word_in(
            [
                "target",
                "clay",
                "clays",
                "pigeon",
                "sport",
                "sports",
                "competitive",
                "skeet",
                "trap",
                "olympic",
                "pheasant",
                "grouse",
                "game",
                "rifle",
                "pistol",
                "air",
                "rimfire",
                "deer",
            ]
        ),
        word_in(["shooting", "shoot", "shoots"]),
    ],
    # "I shoot clays most weekends", "shooting targets at the range".
    [
        word_in(["shoot", "shoots", "shooting", "shot"]),
        word_in_op(["some", "a", "few", "the", "at", "moving"], "*"),
        word_in(
            ["clays", "clay", "targets", "skeet", "pheasants", "pheasant", "grouse", "rabbits", "pigeons"]
        ),
    ],
    [
        word_in(["shooting", "rifle", "pistol", "gun"]),
        word_in(
            [
                "club",
                "clubs",
                "range",
                "ranges",
                "ground",
                "grounds",
                "lesson",
                "lessons",
                "competition",
                "competitions",
                "season",
                "sport",
                "sports",
                "practice",
                "instructor",
                "gallery",
                "society",
            ]
        ),
    ],
    [
        word_in(
            [
                "bath",
                "seed",
                "glitter",
                "cocoa",
                "chocolate",
                "flavour",
                "flavor",
                "calorie",
                "fizzy",
                "confetti",
                "water",
                "truth",
                "carb",
                "sugar",
                "colour",
                "color",
                "shower",
            ]
        ),
        word_in(["bomb", "bombs"]),
    ],
    # "fireworks in the park every night, sounds like gunshots".
    [
        context_in("bang_makers"),
        *[_NOT_END] * 10,
        _SOUND,
        word_in_op(["like", "a", "an", "if"], "*"),
        _SHOTS,
        _GOING_OFF,
    ],
    # "heard bangs that sounded like gunshots but it was only fireworks".
    [
        word_in_op(
            ["heard", "hear", "hearing", "loud", "some", "bang", "bangs", "noises", "noise", "that", "which"],
            "*",
        ),
        _SOUND,
        word_in_op(["like", "a", "an", "some"], "*"),
        _SHOTS,
        *[_NOT_END] * 6,
        word_in(["only", "just", "actually", "probably", "definitely", "turned", "prob", "def"]),
        word_in_op(
            ["out", "to", "be", "some", "a", "the", "kids", "someone", "somebody", "with", "letting", "off"],
            "*",
        ),
        context_in("bang_makers"),
    ],
]
