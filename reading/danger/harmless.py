"""Harmless readings of danger words (more NONTHREAT patterns; a danger span they overlap is not one).

Three families, each said in many ways, not as a list of sentences:
- figures of speech and everyday uses: balloons blown up, a phone or sales that "exploded",
  money that "cost a bomb", "dead excited", "on fire in the match", an open fire in a pub;
- information about a danger, not the danger: instructions, videos or posts about weapons,
  "how to make a bomb", someone posting or searching about guns;
- the police's own equipment and weapon licensing: armed officers, firearms units, police carrying
  guns, a shotgun certificate;
- everyday damage and objects: slashed tyres, a smashed car window, a tea bag.
The words are in reading/danger/vocabulary.yml (`contexts` and `words`).
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import (
    CONTEXTS,
    FUELS,
    INFO_FILLERS,
    INFO_NOUNS,
    INFO_TOPICS,
    MEDIA,
    PERSON,
    TOPIC_LINKS,
    TOPIC_VERBS,
    WEAPON_NOUNS,
    context_in,
    word_in,
    word_in_op,
)

Pattern = list[dict[str, Any]]

# Within what is asked for: no new clause, no one here and now.
_NOT_IN_THE_SCENE = {
    "LOWER": {"NOT_IN": [".", "!", "?", ";", "and", "but", "now", "there", "there's", "theres", *PERSON]},
    "OP": "?",
}
_ANY_WORD = {"LOWER": {"NOT_IN": [".", "!", "?", ";", ",", "and", "but"]}, "OP": "?"}
# A word that is not a person or a clause boundary: "police [outside the embassy] are carrying
# guns", never "police chased [a man] carrying a gun".
_NOT_A_PERSON = {"LOWER": {"NOT_IN": CONTEXTS["people_and_boundaries"]}, "OP": "?"}
_BLOW = word_in(["blow", "blowing", "blew", "blown", "blows"])
_BOMB = word_in(["bomb", "bombs"])
_KNIFE = word_in(["knife", "knives"])
_BE = ["is", "was", "'s", "s", "were", "are", "looks", "looked", "tastes", "tasted", "sounds", "sounded"]
_FIRE_ON = [word_in(["on"]), word_in(["fire"])]

FIGURATIVE: list[Pattern] = [
    # "blowing up balloons", "blew up at me", "my phone is blowing up", "sales exploded".
    [_BLOW, word_in(["up"]), _ANY_WORD, _ANY_WORD, _ANY_WORD, context_in("blown_things")],
    [_BLOW, word_in(["up"]), word_in(["at", "on"]), word_in(["me", "us", "him", "her", "them", "you", "my"])],
    [context_in("busy_things"), context_in("busy_fillers", "*"), context_in("explode")],
    [context_in("busy_things"), context_in("busy_fillers", "*"), *_FIRE_ON],
    [context_in("explode"), {"LOWER": "up", "OP": "?"}, word_in(["with", "in"]), context_in("explode_with")],
    # "cost a bomb", "a bomb of a night", "went down a bomb", "was the bomb", "bombed at the box office".
    [context_in("money_verbs"), context_in("money_fillers", "*"), _BOMB],
    [word_in(["bomb"]), word_in(["of"]), word_in(["a", "an"]), context_in("occasions")],
    [
        word_in(["went", "going", "goes", "go", "gone", "sold", "selling", "sells"]),
        word_in_op(["down", "like"], "+"),
        word_in(["a"]),
        word_in(["bomb"]),
    ],
    [word_in(_BE), word_in(["the", "da"]), word_in(["bomb", "bomb.com"])],
    [word_in(["bomb", "bombed", "bombs", "flop"]), word_in(["at"]), word_in(["the"]), word_in(["box"])],
    [
        word_in(["f", "love", "stink", "glitter", "confetti"]),
        {"LOWER": "-", "OP": "?"},
        context_in("explode"),
    ],
    [word_in(["f", "love", "stink", "glitter", "confetti"]), {"LOWER": "-", "OP": "?"}, _BOMB],
    # "dead excited", "dying to see it", "my heart is on fire", "on fire in the match".
    [word_in(["dead"]), context_in("dead_as_very")],
    [word_in(["dying", "dyin"]), word_in(["to", "for"])],
    [
        word_in(["dying", "dyin", "died", "die"]),
        word_in(["of", "from", "with"]),
        word_in(["laughter", "laughing", "boredom", "embarrassment", "cringe", "thirst", "hunger", "shame"]),
    ],
    [word_in(["dying", "dyin", "died"]), word_in(["laughing"])],
    [
        word_in(["heart", "soul", "mouth", "tongue", "legs", "thighs", "calves", "muscles", "feet"]),
        {"LOWER": {"IN": ["is", "was", "'s", "s", "are", "were", "literally", "totally"]}, "OP": "*"},
        *_FIRE_ON,
    ],
    [
        *_FIRE_ON,
        word_in(["in", "at", "on", "during", "this"]),
        {"LOWER": {"IN": ["the", "this", "his", "her", "that", "their", "last", "night", "'s"]}, "OP": "*"},
        context_in("sport_and_stage"),
    ],
    # "a lovely open fire" (a fireplace, not shooting: "opened fire", "to open fire").
    [
        word_in(["a", "an", "the", "lovely", "real", "cosy", "cozy", "roaring", "log", "big", "proper"]),
        word_in(["open"]),
        word_in(["fire", "fires", "fireplace"]),
    ],
    # "my secret weapon", "stick to your guns", "all guns blazing", "a staple gun", "sharpen the knives".
    [word_in(["secret", "ultimate", "best"]), word_in(["weapon", "weapons"])],
    [word_in(["weapon", "weapons"]), word_in(["of"]), word_in(["choice"])],
    [word_in(["stick", "stuck", "sticking", "sticks"]), word_in(["to"]), _ANY_WORD, word_in(["guns", "gun"])],
    [word_in(["guns"]), word_in(["blazing"])],
    [word_in(["son", "top"]), {"LOWER": "of", "OP": "?"}, {"LOWER": "a", "OP": "?"}, word_in(["gun"])],
    [context_in("tool_guns"), word_in(["gun", "guns"])],
    [word_in(["sharpen", "sharpening", "sharpened", "sharpens"]), _ANY_WORD, _ANY_WORD, _ANY_WORD, _KNIFE],
    [_KNIFE, word_in(["sharpener", "block", "drawer", "set", "skills", "sharpening"])],
    [word_in(["plastic", "palette", "cheese", "paring", "pizza", "cake", "fish", "table", "butter"]), _KNIFE],
    [
        word_in(["burning", "burn", "burned", "burnt", "burns"]),
        {
            "LOWER": {"IN": ["the", "off", "some", "a", "my", "extra", "more", "lots", "of", "loads"]},
            "OP": "*",
        },
        context_in("burned_things"),
    ],
    [word_in(["back"]), word_in(["-"]), word_in(["stabbing", "stabber", "stab", "stabbed"])],
    # "nearly had a heart attack", "has a heart attack every time I drive".
    [
        word_in(["nearly", "almost", "practically", "gave", "give", "gives", "giving", "mini"]),
        {"LOWER": {"IN": ["me", "him", "her", "us", "them", "a", "had", "have", "having"]}, "OP": "*"},
        word_in(["heart"]),
        word_in(["attack", "attacks"]),
    ],
    [word_in(["heart"]), word_in(["attack"]), word_in(["every", "whenever"])],
    # "shoot you a text", "the photographer is shooting the wedding".
    [
        word_in(["shoot", "shooting", "shot", "fire", "firing", "fired", "ping"]),
        {
            "LOWER": {
                "IN": ["you", "me", "him", "her", "them", "us", "over", "off", "a", "an", "the", "quick"]
            },
            "OP": "*",
        },
        context_in("messages_sent"),
    ],
    [
        word_in(["shoot", "shooting", "shot", "shoots", "photographer", "photographers", "filming"]),
        {"LOWER": {"IN": ["the", "a", "our", "my", "an", "some", "their", "his", "her"]}, "OP": "?"},
        context_in("filmed_things"),
    ],
    [word_in(["bang"]), word_in(["for"]), _ANY_WORD, word_in(["buck", "bucks", "money"])],
    # "shouting down the phone", "yelling at the telly".
    [
        word_in(["shouting", "yelling", "screaming", "swearing", "angry", "ranting"]),
        word_in(["down", "on", "into", "at"]),
        word_in(["the", "his", "her", "a"]),
        word_in(["phone", "telly", "tv", "television", "screen", "computer", "laptop", "radio"]),
    ],
    # "the fireworks went off with a massive bang".
    [
        context_in("bang_makers"),
        *[_ANY_WORD] * 5,
        word_in(["bang", "bangs", "explosion", "explosions", "boom"]),
    ],
    # Fuel put where fuel goes: "pouring petrol into the lawnmower".
    [
        word_in(FUELS),
        word_in(["into", "in"]),
        {"LOWER": {"IN": ["the", "my", "his", "her", "a", "our", "their", "your"]}, "OP": "?"},
        context_in("fuel_tanks"),
    ],
]

# Killing as a figure of speech: things "killed" ("kill the old project", "killing the mood") and
# someone the speaker knows who will "kill" them ("my boss is gonna kill me"; vocabulary.yml says who).
KILLING: list[Pattern] = [
    [
        word_in(["kill", "kills", "killing", "killed", "murder", "murdering"]),
        word_in_op(
            ["the", "this", "that", "my", "our", "his", "her", "their", "a", "old", "new", "off"], "*"
        ),
        context_in("killed_things"),
    ],
    [
        word_in(["my", "our", "his", "her"]),
        context_in("teasing_people"),
        word_in_op(
            ["is", "'s", "will", "'ll", "gonna", "gon", "na", "going", "to", "literally", "actually"], "*"
        ),
        word_in_op(["says", "said", "he", "she", "they", "'ll", "will", "wants", "to", "would", "'d"], "*"),
        word_in(["kill", "murder", "strangle"]),
        word_in(["me", "us", "you", "him", "her", "them"]),
    ],
]

# A danger only watched or played: "an explosion on the TV", "playing a shooter game", "went down
# in flames".
SCREENS: list[Pattern] = [
    [context_in("played_dangers"), word_in(["game", "games", "gameplay", "video", "film", "movie"])],
    [
        context_in("played_dangers"),
        word_in(["on", "in"]),
        word_in_op(["the", "a", "this", "that", "my", "some", "new", "latest", "last", "old"], "*"),
        {"IS_ALPHA": True, "OP": "?"},
        context_in("screens"),
    ],
    # "everyone is screaming at the football", "people yelling at the telly".
    [
        word_in(["screaming", "yelling", "shouting", "cheering", "singing"]),
        word_in(["at", "along", "to", "for"]),
        word_in_op(["the", "a", "this", "that", "our", "their"], "*"),
        context_in("watched_things"),
    ],
    # A film or game asked for by what is in it: "a film for tonight, something with explosions"
    # (not "watching a film and now there's a man with a knife").
    [
        word_in([*MEDIA, "films", "movies", "games"]),
        *[_NOT_IN_THE_SCENE] * 6,
        word_in(["with", "featuring", "about", "of"]),
        word_in_op(["lots", "loads", "of", "some", "big", "good", "a", "an", "the"], "*"),
        context_in("played_dangers"),
    ],
    [
        word_in(["went", "go", "goes", "going", "gone", "shot", "crashed", "crash"]),
        word_in_op(["down"], "?"),
        word_in(["in"]),
        word_in(["flames"]),
    ],
]

INFORMATION: list[Pattern] = [
    # "instructions for making explosives", "videos of shootings", "a manual on making weapons".
    [word_in(INFO_NOUNS), word_in_op(INFO_FILLERS, "*"), word_in(INFO_TOPICS)],
    # "how to build a pipe bomb", "ways to make explosives".
    [word_in(["how", "way", "ways"]), word_in(["to"]), word_in_op(INFO_FILLERS, "*"), word_in(INFO_TOPICS)],
    # "posts about weapons", "searching for how to get a gun", "glorifying knife attacks".
    [word_in(TOPIC_VERBS), word_in(TOPIC_LINKS), word_in_op(INFO_FILLERS, "*"), word_in(INFO_TOPICS)],
]

POLICE_EQUIPMENT: list[Pattern] = [
    # "armed officers", "firearms units", "an armed response vehicle", "specialist firearms officers".
    [context_in("armed_words"), context_in("armed_unit_fillers", "*"), context_in("armed_units")],
    # "the police outside the embassy are carrying machine guns", "officers armed with carbines".
    [
        context_in("police_words"),
        *[_NOT_A_PERSON] * 8,
        context_in("police_equip_verbs"),
        context_in("police_equip_fillers", "*"),
        word_in(WEAPON_NOUNS),
    ],
    [word_in(["police", "met", "pdp", "padp"]), word_in(WEAPON_NOUNS)],
    # "my firearms licence", "shotgun certificate", "my late grandad's shotgun".
    [word_in(WEAPON_NOUNS + ["shotgun", "shotguns", "gun"]), context_in("weapon_admin")],
    [word_in(["my", "our"]), context_in("owned_weapon_words", "+"), word_in(WEAPON_NOUNS)],
]

EVERYDAY_DAMAGE: list[Pattern] = [
    # "someone slashed my tyres", "smashed my car window": property damage, a report (101).
    [
        word_in(["slashed", "slashing", "slash", "punctured", "keyed", "scratched"]),
        {
            "LOWER": {
                "IN": ["my", "our", "his", "her", "the", "all", "their", "four", "of", "car", "van", "'s"]
            },
            "OP": "*",
        },
        word_in(["tyres", "tires", "tyre", "tire", "seats", "paintwork", "wheels"]),
    ],
    [
        word_in(
            ["smashed", "smash", "smashing", "broke", "broken", "breaking", "cracked", "kicked", "kicking"]
        ),
        {"LOWER": {"IN": ["my", "our", "his", "her", "the", "a", "their", "in"]}, "OP": "?"},
        word_in_op(["car", "van", "vehicle", "motor", "car's", "van's"], "?"),
        word_in(["window", "windows", "windscreen", "mirror", "mirrors", "headlight", "headlights"]),
    ],
    [context_in("everyday_bags"), word_in(["bag", "bags"])],
    # Pets and wild animals at each other: "the neighbour's cat keeps attacking my cat".
    [
        context_in("animals"),
        word_in_op(["keeps", "kept", "is", "'s", "are", "has", "have", "been", "always", "just"], "*"),
        word_in(["attacking", "attacked", "attacks", "attack", "biting", "bit", "fighting"]),
        word_in_op(["my", "our", "the", "his", "her", "their", "a", "other", "neighbour's", "'s"], "*"),
        context_in("animals"),
    ],
    # A knife for the kitchen: "best knife for chopping onions".
    [_KNIFE, word_in(["for"]), context_in("kitchen_uses")],
    # A fight to watch: "a fight on the telly", "the boxing title fight".
    [
        word_in(["fight", "fights"]),
        word_in(["on"]),
        {"LOWER": {"IN": ["the", "tonight", "at"]}, "OP": "*"},
        word_in(["telly", "tv", "television", "radio", "box", "iplayer", "sky", "netflix", "ppv", "tonight"]),
    ],
    [context_in("sport_fights"), word_in(["fight", "fights", "fighting"])],
]

HARMLESS_PATTERNS: list[Pattern] = (
    FIGURATIVE + KILLING + SCREENS + INFORMATION + POLICE_EQUIPMENT + EVERYDAY_DAMAGE
)
