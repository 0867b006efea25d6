"""Hazards told by their structure, not by one danger word.

- a harmful substance and a threat to throw or spray it at someone: "she say it is acid and she
  will throw to the security man", "he's got bleach and says he'll chuck it in her face";
- something released or found where people then show symptoms: "sprayed something in the
  carriage, everyone's coughing", "white powder came out of the letter, we feel dizzy";
- a drone carrying something, or dropping something while still there: "a drone with a package
  strapped underneath", "it let go of an object onto the roof, it's still up there";
- a way in being broken and someone getting through: "broke the window and is climbing inside";
- wounds and weapons in slang or few words: "pissin blood", "got jumped n cut up", "blood
  evrywhere", "has a broken bottle", "waving a hammer about";
- a written threat with a time: "a note saying 'your building burns today'";
- an item's sound or light, with the item or a sentence after it: "a holdall under the bench.
  It's still there and making a buzzing noise" (never a phone, a car or the speaker's own bag).
Each compound cue fires nothing alone; hazard_dangers() joins them (called from compound.py),
and everyday readings (cleaning, a cold, perfume, a delivery drone, a locked-out owner) cancel.
The phrase lists are in reading/danger/vocabulary.yml; the detector finds which are live.
"""

from __future__ import annotations

from typing import Any

from reading.danger.words import CONTEXTS, HIDE_NOUNS, PERSON, THROW_VERBS, word_in, word_in_op

Pattern = list[dict[str, Any]]

# Compound cue labels (phrases in vocabulary.yml, or patterns below), and the phrase labels
# that are words a hazard cannot be told without (trigger words of reading/danger/anchors.py).
HAZARD_CUES = (
    "CORROSIVE",
    "BENIGN_CHEMICAL",
    "SPLASH_INTENT",
    "RELEASED",
    "POWDER",
    "SYMPTOMS",
    "BENIGN_SYMPTOMS",
    "MAIL",
    "PAYLOAD",
    "BENIGN_DRONE",
    "BREAKING",
    "ENTERING",
    "BENIGN_ENTRY",
    "URGENT",
    "HERE_NOW",
    "ANOMALY",
    "CONTAINER",
    "ITEM_NOISE",
    "BENIGN_NOISE",
)
ANCHOR_LABELS = ("CORROSIVE", "POWDER", "SYMPTOMS", "DRONE", "ITEM_NOISE")
TRIGGER_PATTERNS = ("BREAKING",)

_NOT_END = {"LOWER": {"NOT_IN": [".", "!", "?", ";", "and", "but"]}, "OP": "?"}
_DET = word_in_op(["a", "an", "the", "some", "his", "her", "their", "this", "that", "small", "big"], "*")
_THROW = THROW_VERBS + [
    "throw", "chuck", "splash", "splashing", "splashed", "spray", "spraying", "sprayed", "squirt",
    "squirting", "squirted", "pour", "pouring", "poured", "fling", "lob", "toss", "hurl", "sprinkle",
    "trow", "thow",
]  # fmt: skip
_INTENT = [
    "will", "'ll", "ll", "wil", "gonna", "going", "about", "threatening", "threatens", "threatened",
    "trying", "tryna", "wants", "want", "ready", "say", "says", "said", "saying", "shouting", "to",
    "she", "he", "they", "it", "is", "'s", "s", "na", "gon",
]  # fmt: skip
_TARGETS = PERSON + [
    "face", "faces", "eyes", "eye", "head", "security", "guard", "guards", "doorman", "receptionist",
    "staff", "officer", "police", "people", "everybody", "everyone", "crowd", "queue", "someone",
]  # fmt: skip

SPLASH_INTENT: list[Pattern] = [
    # "she will throw to the security man", "threatening to chuck it".
    [word_in(_INTENT), word_in_op(_INTENT, "*"), word_in(_THROW)],
    # "throw it at people", "spraying it in his face", "splash on the guard".
    [
        word_in(_THROW),
        word_in_op(["it", "this", "that", "them", "some", "stuff", "liquid"], "?"),
        word_in(["at", "to", "on", "in", "into", "over", "onto", "towards"]),
        word_in_op(["the", "a", "his", "her", "their", "our", "my", "an", "that"], "*"),
        word_in(_TARGETS),
    ],
]
RELEASED: list[Pattern] = [
    # "sprayed something in our carriage", "released a gas", "let off some kind of spray".
    [
        word_in(
            ["sprayed", "spraying", "sprays", "spray", "released", "releasing", "squirted", "squirting",
             "emptied", "emptying", "spilt", "spilled", "spilling", "sprinkled", "sprinkling"]
        ),
        word_in_op(["a", "an", "the", "some", "kind", "of", "sort", "weird", "strange"], "*"),
        word_in(["something", "somethin", "sth", "smth", "stuff", "liquid", "gas", "spray", "substance",
                 "powder", "chemical", "chemicals", "mist", "cloud", "can", "canister", "aerosol"]),
    ],
    [word_in(["let", "letting", "set", "setting"]), word_in(["off"]), _DET, word_in(["spray", "gas", "canister", "something", "smoke"])],
]  # fmt: skip
_SLUNG = HIDE_NOUNS + ["bottle", "bottles", "canister", "wire", "wires", "cable"]
PAYLOAD: list[Pattern] = [
    # "a package strapped underneath", "something taped to it", "something dripping from it".
    [
        word_in(_SLUNG),
        word_in_op(["is", "was", "been"], "*"),
        word_in(["strapped", "taped", "tied", "attached", "hanging", "dangling", "fixed", "stuck",
                 "dripping", "leaking", "spraying", "falling"]),
        word_in_op(["underneath", "under", "below", "beneath", "to", "on", "off", "from", "it"], "*"),
    ],
    # "a box was underneath it", not "a guy with a backpack was flying it" (the pilot's bag).
    [
        word_in(_SLUNG),
        word_in_op(["is", "was", "been"], "+"),
        word_in(["underneath", "under", "below", "beneath", "to", "on", "off", "from"]),
    ],
    [
        word_in(["carrying", "carries", "carried", "holding", "dangling", "dropping", "transporting"]),
        _DET,
        word_in(HIDE_NOUNS + ["bottle", "canister", "load", "payload", "cargo"]),
    ],
    [word_in(["payload", "cargo"])],
]  # fmt: skip
BREAKING: list[Pattern] = [
    # "man break window", "kicked the door in", "smashing the glass", "jemmying the lock".
    [
        word_in(["break", "breaks", "broke", "breaking", "smash", "smashes", "smashing", "smashed",
                 "kick", "kicks", "kicking", "kicked", "bust", "busted", "busting", "jemmy", "jemmying",
                 "jemmied", "prying", "pried", "prising", "prised", "forcing", "forced", "shattered"]),
        word_in_op(["open", "in", "down", "ground", "floor", "glass", "of", "kitchen", "bedroom", "basement", "rear", *CONTEXTS["place_words"], *CONTEXTS["barrier_words"]], "*"),
        word_in(["window", "windows", "door", "doors", "glass", "lock", "locks", "shutter", "shutters",
                 "pane", "gate", "gates", "skylight", "fence", "panel"]),
    ],
]  # fmt: skip
ENTERING: list[Pattern] = [
    # "climbing inside", "getting in through the window", "crawled through".
    [
        word_in(["climbing", "climbed", "climb", "climbs", "crawling", "crawled", "crawl", "getting",
                 "got", "get", "going", "gone", "went", "squeezing", "squeezed", "sneaking", "snuck",
                 "jumping", "jumped", "reaching", "reached", "entering", "entered", "trying"]),
        word_in(["in", "inside", "into", "through", "thru", "in.", "inside."]),
    ],
]  # fmt: skip

# Danger patterns merged into the detector's labels (rules.py).
WOUNDS: list[Pattern] = [
    # "pissin blood", "losing a lot of blood", "blood gushing", "blood evrywhere".
    [
        word_in(["pissing", "pouring", "gushing", "losing", "lost", "spurting", "pumping", "spewing",
                 "squirting", "coughing", "spitting", "dripping", "leaking"]),
        word_in_op(["a", "lot", "lots", "of", "so", "much", "loads", "load", "proper"], "*"),
        word_in(["blood", "claret"]),
    ],
    [
        word_in(["blood", "claret"]),
        word_in_op(["is", "'s", "s", "all", "just", "still", "keeps"], "*"),
        word_in(["pouring", "gushing", "spurting", "pumping", "pissing", "streaming", "everywhere", "evrywhere", "everywere",
                 "evrywere", "everwhere", "everyhwere", "erywhere", "over"]),
    ],
    # "got jumped n cut up", "just been shanked", "got cut up bad".
    [
        word_in(["got", "get", "gets", "getting", "been", "just", "was", "being"]),
        word_in(["jumped", "shanked", "glassed", "bottled", "slashed", "merked", "juked", "ambushed"]),
    ],
    [word_in(["got", "been", "gets", "getting"]), word_in(["cut", "sliced", "slashed", "opened"]), word_in(["up", "open", "bad", "badly", "deep"])],
    # "he's going pale", "her lips are turning blue".
    [
        word_in(["he", "she", "hes", "shes", "he's", "she's", "lips", "face", "skin", "they", "they're"]),
        word_in_op(["'s", "s", "is", "are", "r", "'re", "really", "very", "so", "all", "just", "now"], "*"),
        word_in(["going", "turning", "gone", "turned", "goin"]),
        word_in_op(["really", "very", "so", "all", "a", "bit"], "*"),
        word_in(["pale", "blue", "grey", "gray"]),
    ],
]  # fmt: skip
_BRANDISHING = ["waving", "wielding", "swinging", "brandishing", "jabbing", "pointing", "holding",
                "has", "got", "with", "carrying", "gripping", "clutching", "threatening", "armed"]  # fmt: skip
IMPROVISED: list[Pattern] = [
    # "has a broken bottle", "waving a hammer at people", "swinging a metal pole".
    [
        word_in(_BRANDISHING),
        word_in_op(["a", "an", "the", "his", "her", "their", "some", "big", "massive", "long", "huge",
                    "sharp", "metal", "iron", "steel", "wooden", "glass", "people", "us", "with"], "*"),
        word_in(["broken", "smashed", "jagged"]),
        word_in(["bottle", "bottles", "glass", "glasses"]),
    ],
    [
        word_in(["waving", "wielding", "swinging", "brandishing", "jabbing", "threatening"]),
        word_in_op(["a", "an", "the", "his", "her", "their", "some", "big", "massive", "long", "huge",
                    "sharp", "metal", "iron", "steel", "wooden", "people", "us", "with", "around", "about"], "*"),
        word_in(["hammer", "hammers", "crowbar", "crowbars", "bar", "pole", "poles", "bat", "bats",
                 "brick", "bricks", "chain", "chains", "screwdriver", "scissors", "spanner", "wrench",
                 "cleaver", "bottle", "chair", "stick", "club", "pipe", "syringe", "needle", "shard"]),
    ],
]  # fmt: skip
_NOTE_THREATS = ["burn", "burns", "burning", "die", "dies", "dead", "bomb", "bombed", "explode",
                 "explodes", "blow", "boom", "kill", "killed", "kills", "murder", "shoot", "shot",
                 "pay", "suffer", "fire"]  # fmt: skip
THREAT_NOTES: list[Pattern] = [
    # "a note pushed under our door saying 'your building burns today'".
    [
        word_in(["note", "notes", "email", "text", "voicemail", "letter", "letters", "message", "sign", "card", "graffiti", "written",
                 "scrawled", "sprayed", "painted", "writing"]),
        *[_NOT_END] * 12,
        word_in(["saying", "says", "said", "reading", "reads", "read", ":", "'", '"', "that"]),
        *[_NOT_END] * 6,
        word_in(_NOTE_THREATS),
        word_in_op(["down", "up", "you", "all", "it", "this", "very"], "*"),
        word_in(["today", "tonight", "soon", "now", "2day", "2nite"]),
    ],
]  # fmt: skip

HAZARD_PATTERNS: dict[str, list[Pattern]] = {
    "SPLASH_INTENT": SPLASH_INTENT,
    "RELEASED": RELEASED,
    "PAYLOAD": PAYLOAD,
    "BREAKING": BREAKING,
    "ENTERING": ENTERING,
}
# Own, family and animals getting in: not an intruder ("I'm locked out, climbing in the back window").
BENIGN_ENTRY: list[Pattern] = [
    [word_in(["locked", "lock"]), word_in(["out", "myself"])],
    [word_in(["my", "our"]), word_in(["keys", "key", "cat", "dog", "own", "son", "daughter", "kid", "kids", "husband", "wife"])],
    [word_in(["i", "we", "i'm", "im", "we're"]), word_in_op(["'m", "'re", "had", "have", "just", "was", "were", "am", "are"], "*"), word_in(["climbing", "climbed", "broke", "smashed"])],
    [word_in(["cat", "cats", "fox", "foxes", "squirrel", "squirrels", "bird", "birds", "pigeon", "pigeons", "mouse", "mice", "rat", "rats", "wasp", "wasps", "bee", "bees", "rain", "water", "draught", "wind"])],
]  # fmt: skip
HAZARD_PATTERNS["BENIGN_ENTRY"] = BENIGN_ENTRY


def hazard_dangers(cues: set[str]) -> set[str]:
    """The dangers these live cues make together (labels of DangerResult.reasons)."""
    fired: set[str] = set()
    if {"CORROSIVE", "SPLASH_INTENT"} <= cues and "BENIGN_CHEMICAL" not in cues:
        fired.add("threat")
    released = "RELEASED" in cues or "POWDER" in cues
    if released and "SYMPTOMS" in cues and "BENIGN_SYMPTOMS" not in cues:
        fired.add("attack_in_progress")
    if "POWDER" in cues and "MAIL" in cues and "BENIGN_SYMPTOMS" not in cues:
        fired.add("suspect_item_now")
    drone = "DRONE" in cues and "BENIGN_DRONE" not in cues and "BENIGN_THROWN" not in cues
    now = "URGENT" in cues or "HERE_NOW" in cues
    if drone and ("PAYLOAD" in cues or ("DROP_ACT" in cues and now)):
        fired.add("suspect_item_now")
    # An item in one sentence, what it does in the next: "pushed a holdall under the bench. It's
    # still there and making a buzzing noise."
    noise = "ITEM_NOISE" in cues and "BENIGN_NOISE" not in cues
    if "CONTAINER" in cues and (noise or ("ANOMALY" in cues and now)):
        fired.add("suspect_item_now")
    if {"BREAKING", "ENTERING"} <= cues and "BENIGN_ENTRY" not in cues and "GONE" not in cues:
        fired.add("intrusion")
    return fired
