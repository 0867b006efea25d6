"""Compound dangers: cues that fire nothing alone but are a danger together.

- Fuel or gas with a flame, or with a threat to light it: a fire about to start; not fuel told
  as bought ("bought every can of lighter fluid we had"), an account of materials, unless fuel
  is also spread or a flame struck ("bought petrol and now he's pouring it on the door", "is now
  lighting a rag").
- Something dropped from a drone, or thrown over a wall or fence, then smoke, fire, a bang or
  fumes: a suspect item now.
- Someone inside a building (lobby, reception, office) with something hidden on them who acts
  threateningly or will not leave: an intrusion now, unless they have gone.

Fire said outright (fuel spread, set alight, a threat to burn) shares these words and lives here
too; a fight under way said outright is in reading/danger/harm.py.

Each cue is a phrase list in reading/danger/vocabulary.yml or a token pattern below; the detector
(reading/danger/detector.py) finds which cues are live (not negated, asked about or in the past)
in each sentence, and for a short message in the whole message, and asks compound_dangers().
"""

from __future__ import annotations

from typing import Any

from reading.danger.hazards import HAZARD_CUES, hazard_dangers
from reading.danger.words import (
    BARRIERS,
    CLOTHING,
    CONTEXTS,
    DROP_VERBS,
    FUEL_FILLERS,
    FUELS,
    HIDE_NOUNS,
    IGNITE_THREAT_STARTERS,
    IGNITE_VERBS,
    INSIDE_PLACES,
    SPREAD_VERBS,
    context_in,
    word_in,
    word_in_op,
)

FIRE, SUSPECT_ITEM, INTRUSION = "fire", "suspect_item_now", "intrusion"

# Cue labels whose live spans compound_dangers() is given (phrases, patterns or both).
CUES = (
    "FUEL",
    "IGNITION",
    "IGNITE_THREAT",
    "BENIGN_FIRE",
    "DRONE",
    "DROP_ACT",
    "OVER_BARRIER",
    "THROWN",
    "AFTERMATH",
    "INSIDE",
    "INSIDE_NOW",
    "CONCEALED",
    "SUSPECT_ADJ",
    "HOSTILE",
    "GONE",
    "BENIGN_THROWN",
    "KNOWN_PERSON",
    "DOWN",
    "SILENT",
    "FUEL_BOUGHT",
    "FUEL_USED",
    *HAZARD_CUES,
)

_NOT_BOUNDARY = {"LOWER": {"NOT_IN": [".", "!", "?", ";", ",", "and", "but", "then"]}, "OP": "?"}
_POSSESSIVE = word_in(["his", "her", "their", "the", "a", "its", "my"])
_WORN_OR_CARRIED = word_in(CLOTHING + HIDE_NOUNS)
_DROPPING = word_in([v for v in DROP_VERBS if v not in ("came", "flew", "sailed", "flying", "let")])

_STRIKING = [
    "lighting",
    "lit",
    "striking",
    "struck",
    "flicking",
    "flicked",
    "sparking",
    "igniting",
    "holding",
    "waving",
]
_BUYING = ["bought", "buying", "buys", "buy", "purchased", "purchasing", "stocking", "stocked", "stockpiled"]

COMPOUND_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    # "bought every can of lighter fluid", "stocked up on paraffin".
    "FUEL_BOUGHT": [
        [word_in(_BUYING), *[_NOT_BOUNDARY] * 5, word_in(FUELS)],
        [word_in(_BUYING), *[_NOT_BOUNDARY] * 5, word_in(["lighter"]), word_in(["fluid"])],
    ],
    "FUEL_USED": [[word_in(SPREAD_VERBS + _STRIKING)]],
    # "says he'll light it", "threatening to ignite the gas": with fuel, a fire about to start.
    "IGNITE_THREAT": [
        [word_in(IGNITE_THREAT_STARTERS), {"LOWER": "to", "OP": "?"}, word_in(IGNITE_VERBS)],
    ],
    # "lighting a lighter", "striking matches", "flicking his lighter".
    "IGNITION": [
        [
            word_in(["lighting", "lit", "striking", "struck", "flicking", "flicked", "sparking", "igniting"]),
            {"LOWER": {"IN": ["a", "the", "his", "her", "their", "some", "up"]}, "OP": "?"},
            word_in(["match", "matches", "lighter", "lighters", "it", "them", "fire", "rag", "flame"]),
        ],
    ],
    # "gas is leaking", "a gas cylinder hissing", "stinks of gas".
    "FUEL": [
        [
            word_in(["gas"]),
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            word_in(["leaking", "leak", "leaks", "leaked", "escaping", "hissing", "pouring", "everywhere"]),
        ],
        [
            word_in(IGNITE_VERBS),
            {"LOWER": {"IN": ["the", "this", "that", "all", "his", "her", "our", "up"]}, "OP": "*"},
            word_in(["gas", "fumes"]),
        ],
        [
            word_in(["leaking", "smell", "smells", "smelling", "stink", "stinks", "reek", "reeks", "whiff"]),
            {"LOWER": {"IN": ["of", "like", "the"]}, "OP": "*"},
            word_in(["gas"]),
        ],
        [
            word_in(["gas", "petrol", "fuel"]),
            word_in(["smell", "smells", "smelling", "stink", "leak", "fumes"]),
        ],
    ],
    # Something let go of, not the drone itself falling: "dropped a canister", "was dropped from",
    # "fell off a drone" (never "my drone dropped into the pond").
    "DROP_ACT": [
        [_DROPPING, context_in("dropped_objects")],
        [word_in(["was", "were", "been", "got", "being", "is"]), _DROPPING],
        [_DROPPING, {"LOWER": {"IN": ["it", "them"]}, "OP": "?"}, word_in(["from", "off", "out"])],
        [word_in(["let", "lets", "letting"]), {"OP": "?"}, {"OP": "?"}, word_in(["go", "loose", "fall"])],
    ],
    # "chucked something over the back wall", "came flying over the fence", "thrown into the compound".
    "OVER_BARRIER": [
        [
            word_in(
                [
                    v
                    for v in DROP_VERBS
                    if v not in ("fell", "falling", "fallen", "pushed", "kicked", "lowered")
                ]
            ),
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            word_in(["over", "across", "into", "onto", "through", "behind", "inside", "in", "on"]),
            context_in("barrier_words", "*"),
            word_in(BARRIERS),
        ],
    ],
    # Someone the speaker knows ("my boss", "our cleaner") is not an intruder.
    "KNOWN_PERSON": [[word_in(["my", "our"]), context_in("known_people")]],
    # "in our reception", "inside the embassy", "got into the lobby".
    "INSIDE": [
        [
            word_in(["in", "inside", "into", "within", "entered", "entering", "enters", "past"]),
            context_in("place_words", "*"),
            word_in(INSIDE_PLACES),
        ],
    ],
    "CONCEALED": [
        # "something in his bag", "a package under his coat", "something taped to his chest".
        [
            word_in(HIDE_NOUNS),
            context_in("hide_fillers", "*"),
            context_in("hide_preps"),
            _POSSESSIVE,
            _WORN_OR_CARRIED,
        ],
        # "hiding something in his coat", "clutching something under his hoodie".
        [
            context_in("hide_verbs"),
            {"LOWER": {"IN": ["a", "an", "his", "her", "their", "some", "small", "big", "it"]}, "OP": "*"},
            word_in(HIDE_NOUNS),
            context_in("hide_fillers", "*"),
            context_in("hide_preps"),
        ],
        [
            word_in(["hiding", "concealing", "clutching", "hides", "conceals", "concealed", "hidden"]),
            {"LOWER": {"IN": ["a", "an", "some", "small", "big"]}, "OP": "*"},
            word_in(["something", "somthing", "object", "package", "item", "device", "bulge", "weapon"]),
        ],
        # "keeps his hand inside his jacket", "keeps reaching into his bag".
        [
            word_in(["hand", "hands", "reaching", "reached", "reaches", "fiddling", "fumbling", "rummaging"]),
            word_in(["in", "inside", "into", "under", "up", "with"]),
            _POSSESSIVE,
            _WORN_OR_CARRIED,
        ],
        # "a package strapped to him", "something taped round her waist".
        [
            word_in(["strapped", "taped", "tied", "attached", "wired", "sellotaped", "fastened", "bound"]),
            word_in(["to", "on", "around", "round", "under", "onto"]),
            word_in(["him", "her", "them", "himself", "herself", "themselves", "his", "their"]),
        ],
        # "a bag he won't let us search".
        [
            word_in(["n't", "not", "wont", "refuses", "refusing", "refused", "refuse"]),
            {"LOWER": "to", "OP": "?"},
            word_in(["let", "allow"]),
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            word_in(["search", "check", "see", "look", "open", "inspect", "scan", "examine", "touch"]),
        ],
        # "won't let security look inside", "won't show us what's in his bag".
        [
            word_in(["n't", "not", "wont", "refuses", "refusing", "refused", "refuse"]),
            {"LOWER": "to", "OP": "?"},
            word_in(["let", "show", "open", "say", "tell", "reveal", "explain", "empty"]),
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            _NOT_BOUNDARY,
            word_in(["inside", "in", "it", "bag", "package", "box", "holdall", "rucksack", "backpack"]),
        ],
    ],
}

# Fuel spread on something: a fire on its own ("pouring petrol on the doorstep", "covered himself in
# petrol"), as the phrase "pouring petrol" always was; everyday use is harmless (reading/danger/harmless.py).
FIRE_PATTERNS: list[list[dict[str, Any]]] = [
    [word_in(SPREAD_VERBS), word_in_op(FUEL_FILLERS, "*"), word_in(FUELS)],
    [word_in(SPREAD_VERBS), word_in_op(FUEL_FILLERS, "*"), word_in(["lighter"]), word_in(["fluid"])],
]


def compound_dangers(cues: set[str]) -> set[str]:
    """The dangers that these live cues make together (labels of DangerResult.reasons)."""
    fired: set[str] = set()
    flame = "IGNITION" in cues or "IGNITE_THREAT" in cues
    bought = "FUEL_BOUGHT" in cues and "FUEL_USED" not in cues
    if "FUEL" in cues and flame and "BENIGN_FIRE" not in cues and not bought:
        fired.add(FIRE)
    dropped = ("DRONE" in cues and "DROP_ACT" in cues) or "OVER_BARRIER" in cues or "THROWN" in cues
    if dropped and "AFTERMATH" in cues and "BENIGN_THROWN" not in cues:
        fired.add(SUSPECT_ITEM)
    inside = "INSIDE" in cues or "INSIDE_NOW" in cues
    hidden = "CONCEALED" in cues or "SUSPECT_ADJ" in cues
    stranger = "GONE" not in cues and "KNOWN_PERSON" not in cues
    if inside and hidden and "HOSTILE" in cues and stranger:
        fired.add(INTRUSION)
    if "DOWN" in cues and "SILENT" in cues:
        fired.add("injury")
    return fired | hazard_dangers(cues)


# "says he'll burn the place down", "gonna light the building up": a threat with or without fuel.
THREAT_PATTERNS: list[list[dict[str, Any]]] = [
    [
        word_in(IGNITE_THREAT_STARTERS),
        {"LOWER": "to", "OP": "?"},
        word_in(IGNITE_VERBS),
        context_in("ignite_dets", "*"),
        context_in("ignite_targets"),
    ],
]
# "set it alight", "set himself on fire", "set light to the door".
SET_ALIGHT_PATTERNS: list[list[dict[str, Any]]] = [
    [
        word_in(["set", "setting", "sets"]),
        word_in_op(CONTEXTS["ignite_dets"] + CONTEXTS["ignite_targets"], "*"),
        word_in(["alight", "ablaze", "light"]),
    ],
    [
        word_in(["set", "setting", "sets"]),
        word_in_op(CONTEXTS["ignite_dets"] + CONTEXTS["ignite_targets"], "+"),
        word_in(["on"]),
        word_in(["fire"]),
    ],
]
