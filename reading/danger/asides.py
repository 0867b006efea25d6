"""More harmless readings of danger words (NONTHREAT patterns): tools, slang, teasing, policy.

- tools of a trade looked after or chosen: "best way to sharpen a Japanese chef's knife", "my
  knife has gone blunt", "which blowtorch for crème brûlée";
- a danger word used as slang, or asked about as a word: "my cake was 'the bomb'";
- someone the speaker knows who will "shoot" them, as "kill" already was: "my boss is going to
  shoot me if I miss this deadline";
- whether the police carry weapons, asked either way: "they have guns or no guns?";
- a relative's or the speaker's old weapon, kept or to hand in: "my late husband kept an old
  shotgun", "grandad's old service revolver", "how do I hand in a rifle" (HEIRLOOM_PATTERNS,
  which a weapon used now in the same sentence overrides).
Fiction, the news and events abroad are read sentence by sentence (the FICTION and REPORTED cues
of reading/danger/vocabulary.yml, reading/danger/detector.py).
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import CONTEXTS, WEAPON_NOUNS, context_in, word_in, word_in_op

Pattern = list[dict[str, Any]]

_NOT_END = {"LOWER": {"NOT_IN": [".", "!", "?", ";"]}, "OP": "?"}
_QUOTE = word_in_op(["'", '"', "“", "”"], "*")
_TOOLS = [
    "knife", "knives", "blade", "blades", "axe", "axes", "hatchet", "machete", "cleaver", "cleavers",
    "blowtorch", "torch", "saw", "scissors", "sword", "swords", "chisel", "chisels",
]  # fmt: skip
_CARE = [
    "sharpen", "sharpening", "sharpened", "sharpens", "hone", "honing", "honed", "whetstone",
    "whetstones", "strop", "stropping", "oil", "oiling", "recommend", "recommendation",
    "recommendations", "brand", "brands", "review", "reviews",
]  # fmt: skip
_BROKE = ["smashed", "smashing", "broke", "broken", "breaking", "cracked", "kicked", "shattered"]
_PANES = ["window", "windows", "door", "doors", "glass", "pane", "panes", "greenhouse"]
_WORN = ["blunt", "dull", "rusty", "rusted", "chipped", "bent"]
_FILLER = {"LOWER": {"NOT_IN": CONTEXTS["people_and_boundaries"]}, "OP": "?"}
# The speaker and a comma may stand between the weapon and the question about it.
_ASKING_FILLER = {
    "LOWER": {"NOT_IN": sorted(set(CONTEXTS["people_and_boundaries"]) - {",", "i", "we", "me", "us", "you"})},
    "OP": "?",
}
_HEIRLOOM = context_in("heirloom_weapons")
_OLD = context_in("old_weapon_words", "+")
_KEPT = [
    "left",
    "leaves",
    "has",
    "had",
    "have",
    "kept",
    "keeps",
    "owned",
    "owns",
    "found",
    "gave",
    "passed",
    "got",
]
_KEEPING_PLACES = [
    "drawer",
    "house",
    "flat",
    "home",
    "kitchen",
    "garage",
    "room",
    "bedroom",
    "shed",
    "loft",
    "safe",
    "cupboard",
    "office",
]
# What a tool is worked on, or for how long (a tool, not a weapon: reading/danger/patterns.py).
_WORKED_ON = [
    "plate", "plates", "numberplate", "numberplates", "screw", "screws", "bolt", "bolts", "nut", "nuts",
    "panel", "panels", "cover", "casing", "shelf", "shelves", "hinge", "hinges", "tyre", "tyres",
    "wheel", "wheels", "bracket", "brackets", "battery", "seconds", "secs", "minutes", "mins", "minute",
]  # fmt: skip
_DETS = ["a", "an", "the", "his", "her", "their", "this", "that", "some", "these", "those"]

ASIDE_PATTERNS: list[Pattern] = [
    # "sharpen a Japanese chef's knife", "recommend a good chef's knife".
    [word_in(_CARE), *[_NOT_END] * 6, word_in(_TOOLS)],
    # "my knife has gone really dull", "knives are blunt and squash the tomatoes".
    [
        word_in(["my", "our", "the", "these", "kitchen", "chef", "chef's", "'s"]),
        word_in(_TOOLS),
        word_in_op(["is", "are", "'s", "s", "has", "have", "gone", "got", "getting", "really", "so", "a", "bit", "too", "very", "all"], "*"),
        word_in(_WORN),
    ],
    # A trade's tool for its job: "a blowtorch for the crème brûlée", "an axe for firewood".
    [
        word_in(_TOOLS),
        word_in(["for", "to"]),
        word_in_op(["the", "a", "my", "some", "make", "making", "do", "doing", "cut", "cutting", "strip", "stripping", "chop", "chopping", "caramelise", "caramelize", "light", "lighting", "split", "splitting"], "*"),
        word_in(["creme", "crème", "brulee", "brûlée", "cooking", "kitchen", "paint", "pipes", "plumbing",
                 "firewood", "logs", "wood", "kindling", "garden", "hedge", "hedges", "brambles",
                 "weeds", "sugar", "meringue", "steak", "soldering", "welding", "camping", "bbq", "barbecue"]),
    ],
    # A tool worked on a thing, or for a while, not on a person: "swapped the plates with a
    # screwdriver", "took them two minutes with a screwdriver", "fixed the shelf with a hammer".
    [
        word_in(_WORKED_ON),
        word_in(["with", "using"]),
        word_in(["a", "an", "his", "her", "their", "some", "the", "my"]),
        word_in_op(["big", "small", "little", "metal", "electric", "flathead", "phillips", "cordless"], "?"),
        word_in(["screwdriver", "screwdrivers", "spanner", "spanners", "wrench", "hammer", "drill", "allen"]),
    ],
    # Protection against a danger, not the danger: "bomb-proof bollards", "stab proof vests",
    # "explosion-resistant glass", "knife-resistant gloves".
    [
        word_in(["bomb", "bombs", "blast", "bullet", "knife", "stab", "slash", "fire", "explosion", "explosive", "shrapnel", "gun", "gunfire", "acid"]),
        word_in_op(["-", "–"], "?"),
        word_in(["proof", "proofed", "proofing", "resistant", "resistance", "rated", "retardant"]),
    ],
    # "that bomb scene was intense", "the shooting scenes in season two".
    [
        word_in([*CONTEXTS["played_dangers"], "vest", "belt", "bomber", "hostage", "shootout", "heist"]),
        word_in(["scene", "scenes", "episode", "episodes", "sequence", "storyline"]),
    ],
    # "get my kitchen knives sharpened".
    [word_in(_TOOLS), word_in(["sharpened", "honed", "serviced", "repaired", "reground"])],
    # Weather and games break windows too: "the wind smashed the shed window", "broke it with a ball".
    [word_in(["wind", "storm", "gale", "branch", "tree", "hail", "ball", "football"]), *[_NOT_END] * 3, word_in(_BROKE), *[_NOT_END] * 3, word_in(_PANES)],
    [word_in(_BROKE), *[_NOT_END] * 3, word_in(_PANES), word_in_op(["in", "with", "a", "the", "his", "their", "my"], "+"), word_in(["ball", "football", "cricket", "frisbee", "racket"])],
    # A powder explained: "powder came out of the envelope but it was just talc".
    [word_in(["powder", "substance", "dust"]), *[_NOT_END] * 10, word_in(["just", "only", "actually"]), word_in_op(["a", "some", "the", "bit", "of", "loose"], "*"), word_in(["talc", "flour", "sugar", "icing", "glitter", "sand", "salt", "chalk", "dust", "sherbet", "confetti", "baking", "washing", "protein", "makeup", "powder"])],
    # "my cake was 'the bomb'", "this song is da bomb".
    [word_in(["is", "was", "'s", "s", "are", "were", "be"]), _QUOTE, word_in(["the", "da"]), word_in(["bomb"]), _QUOTE, word_in_op(["'", '"', ".", "!", "?", ",", "mean", "means"], "+")],
    [_QUOTE, word_in(["the", "da"]), word_in(["bomb"]), _QUOTE, word_in(["mean", "means", "meaning", "slang"])],
    [word_in(["word", "words", "slang", "term", "phrase", "saying", "expression"]), _QUOTE, word_in_op(["the", "da", "a"], "?"), word_in(["bomb", "gun", "knife", "shoot", "kill", "fire", "explode", "blow"])],
    # "my boss is going to shoot me", as the teasing "kill" of reading/danger/harmless.py.
    [
        word_in(["my", "our", "his", "her"]),
        context_in("teasing_people"),
        word_in_op(["is", "'s", "will", "'ll", "gonna", "gon", "na", "going", "to", "literally", "actually", "says", "said", "he", "she", "they", "wants", "would", "'d"], "*"),
        word_in(["shoot", "throttle", "skin", "slaughter", "strangle"]),
        word_in(["me", "us", "you", "him", "her", "them"]),
    ],
    # "the police who guard the embassies, they have guns or no guns?".
    [
        context_in("police_words"),
        *[_NOT_END] * 12,
        word_in([*WEAPON_NOUNS, "armed", "knives", "knife"]),
        word_in(["or"]),
        word_in(["no", "not", "without", "unarmed", "none"]),
    ],
]  # fmt: skip

# A relative's or the speaker's old weapon, kept or to hand in: harmless unless the sentence
# uses it now ("... and he is pointing it at my mum"), which reading/danger/detector.py checks.
HEIRLOOM_PATTERNS: list[Pattern] = [
    # A dead relative's weapon: "my late husband kept an old shotgun", "late father's rifle".
    [context_in("late_words"), context_in("relatives"), word_in_op(["'s", "s"], "?"), *[_FILLER] * 5, _HEIRLOOM],
    # The speaker's family's old weapon: "my dad's old shotgun", "an old service revolver in grandad's things".
    # Also kept or left by them: "my grandad left an old rifle in the loft", "my dad has an old shotgun".
    [word_in(["my", "our"]), word_in_op([*CONTEXTS["relatives"], "'s", "s"], "*"), word_in_op(_KEPT, "?"), word_in_op(_DETS, "?"), _OLD, _HEIRLOOM],
    [_OLD, _HEIRLOOM, *[_FILLER] * 4, context_in("relatives"), word_in(["'s", "s"])],
    # Handing one in: "hand in a gun", "get rid of an old pistol", "a rifle I want to hand in".
    [context_in("hand_in_verbs"), word_in(["in", "of"]), word_in_op(["a", "an", "the", "my", "our", "this", "that", "these", "those"], "?"), word_in_op(["old", "unwanted", "unused", "legal", "illegal"], "*"), _HEIRLOOM],
    [_HEIRLOOM, *[_FILLER] * 6, context_in("hand_in_verbs"), word_in_op(["it", "them"], "?"), word_in(["in"])],
    # A weapon found and now in the speaker's keeping: "a knife I found last week, it's in my drawer
    # now", "found a pistol and took it home".
    [word_in([*WEAPON_NOUNS, "knife", "knives"]), *[_ASKING_FILLER] * 10, word_in(["it", "its", "it's", "they", "they're"]), word_in_op(["'s", "is", "are", "now", "safe", "locked", "away", "up", "kept"], "*"), word_in(["in", "at"]), word_in(["my", "our", "home"]), word_in_op(_KEEPING_PLACES, "?")],
    [word_in([*WEAPON_NOUNS, "knife", "knives"]), *[_ASKING_FILLER] * 10, word_in(["took", "taken", "brought", "take", "bring"]), word_in(["it", "them"]), word_in(["home"])],
    # An old one to be rid of, asked after naming it: "an old rifle in the loft, how do I get rid of it".
    [_OLD, _HEIRLOOM, *[_ASKING_FILLER] * 8, context_in("hand_in_verbs"), word_in(["of", "in", "it", "them"])],
]  # fmt: skip
