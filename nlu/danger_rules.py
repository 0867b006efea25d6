"""Vocabulary and token patterns of the danger detector (data only; the logic is in danger.py).

Labels in UPPER case are cues that only change how a sentence is read (negation, urgency,
question, past, harmless context); lower-case labels are dangers and become DangerResult.reasons.
Misspellings seen in hurried messages are listed next to the word they stand for.
"""
from __future__ import annotations

from typing import Dict, List

# Dangers that fire on their own (unless negated, asked about, in the past or harmless context).
FIRING = ("weapon", "explosive", "attack_in_progress", "threat", "injury", "fire", "vehicle_attack", "intrusion")
# Dangers that need a cue: an item needs presence/urgency or an anomaly; an act needs urgency.
SUSPECT_ITEM, SUSPICIOUS_ACT = "suspect_item_now", "suspicious_act_now"

PERSON = ["man", "men", "woman", "women", "guy", "guys", "person", "people", "ppl", "someone", "somebody", "sum1",
          "individual", "individuals", "male", "female", "bloke", "lad", "lads", "kid", "teenager", "gang", "group",
          "intruder", "suspect", "attacker", "attackers", "robber", "robbers", "terrorist", "terrorists", "he", "she",
          "they", "who", "everyone", "anyone", "crowd", "pedestrians", "child", "children", "officer", "officers",
          "guard", "guards", "staff", "him", "her", "them", "us", "me", "policeman", "copper", "passengers"]
CIVILIANS = [p for p in PERSON if p not in ("officer", "officers", "guard", "guards", "policeman", "copper")]
MEDIA = ["film", "films", "movie", "movies", "book", "books", "novel", "game", "games", "documentary", "show", "series",
         "story", "article", "podcast", "programme", "program", "episode", "play", "essay", "lecture"]
VEHICLES = ["car", "cars", "van", "vans", "lorry", "lorries", "truck", "trucks", "vehicle", "vehicles", "bus", "suv",
            "4x4", "jeep", "taxi", "cab", "motorbike", "moped", "motorcycle", "minibus", "pickup"]
CONTAINERS = ["bag", "bags", "package", "packages", "parcel", "parcels", "rucksack", "backpack", "suitcase", "suitcases",
              "holdall", "box", "boxes", "item", "items", "object", "container", "sack", "holdal", "bakpack",
              "rucksak", "packege", "pakage", "parcle", "suticase", "luggage", "briefcase", "canister", "device"]
POLICE = ["police", "officers", "officer", "pdp", "padp", "cops", "policemen", "servator", "guards", "protection"]

PHRASES: Dict[str, List[str]] = {
    "weapon": [
        "knife", "knives", "knif", "knive", "knifes", "nife", "nif", "kinfe", "knfie", "blade", "blades", "machete",
        "machetes", "machette", "mechete", "matchete", "sword", "swords", "axe", "gun", "guns", "gunn", "gunz", "gunman",
        "gunmen", "firearm", "firearms", "fire arm", "firarm", "pistol", "rifle", "shotgun", "handgun", "revolver",
        "weapon", "weapons", "weopon", "wepon", "weapen", "crossbow", "gunshot", "gunshots", "gun shots", "gunfire",
        "shots fired", "opened fire", "open fire", "shooting", "shootings", "shootin", "shoting", "shooter", "shoot",
        "stab", "stabbed", "stabbing", "stabbings", "stabed", "stabing", "stabbin", "stabbd", "slashed", "slashing",
        "acid attack", "baseball bat", "knifed", "knifing", "shanked", "glassed",
        "gunned down", "at knifepoint", "at gunpoint", "pistol whipped", "grenade", "grenades", "granade", "knuckleduster", "zombie knife", "samurai sword",
    ],
    "explosive": [
        "bomb", "bombs", "bombb", "bom", "boms", "explosive", "explosives", "explosiv", "exploseve", "explossive",
        "explosion", "explosions", "exploded", "explode", "exploding", "detonator", "detonate", "ied", "pipe bomb",
        "suicide vest", "suicide belt", "petrol bomb", "molotov", "bomb threat", "suspicious device",
        "suspect device", "explosive device", "strange device", "incendiary device", "loud bang", "huge bang",
        "massive bang", "big bang", "heard a bang", "heard bangs", "heard an explosion", "huge explosion", "blew up", "blown up",
    ],
    "injury": [
        "bleeding", "bleedin", "bleding", "bleeds", "blood everywhere", "unconscious", "unconcious", "unconsious",
        "unconscius", "passed out", "not breathing", "unresponsive", "pool of blood", "covered in blood",
        "lots of blood", "there's blood", "there is blood", "injured", "injurd", "wounded", "heart attack", "collapsed",
        "lying on the ground", "been shot", "got shot", "been hit", "been attacked", "been assaulted", "being assaulted", "being beaten", "being mugged",
    ],
    "attack_in_progress": [
        "attacking", "attackin", "atacking", "being attacked", "under attack", "assaulting", "strangling",
        "rampage", "hostage", "hostages", "officer down", "stampede", "massacre", "in danger", "in immediate danger", "being beaten",
    ],
    "fire": [
        "on fire", "set fire", "set alight", "flames", "burning", "blaze", "arson", "a fire", "fire in", "fire at",
        "fire outside", "fire inside", "fire near", "fire by", "smoke coming", "smoke pouring", "smoke billowing",
        "smoke everywhere", "pouring petrol", "poured petrol", "spraying petrol", "pouring fuel", "lighter fluid", "smell petrol",
        "smell of petrol", "smells of petrol", "doused", "dousing", "splashing petrol",
    ],
    "intrusion": ["force the door", "force the gate", "force the window", "force the lock", "intruder", "intruders", "breaking in", "breaking into", "break in", "gain entry", "force entry"],
    "CONTAINER": CONTAINERS,
    "ANOMALY": [
        "wires", "wire", "wiring", "ticking", "beeping", "beeps", "timer", "countdown", "smoke", "smoking",
        "leaking", "strange smell", "funny smell", "chemical smell", "humming",
    ],
    "ACT": [
        "loitering", "lurking", "hanging around", "climbing over", "climbing the", "scaling", "jumping over",
        "forcing", "tampering", "acting suspiciously", "acting suspicious", "acting strange", "acting weird",
        "trying the", "trying to get in", "trying to enter", "trying doors", "sketching", "measuring",
        "flying a drone", "trespassing", "prowling", "pushing the gate", "casing", "snooping",
    ],
    "URGENT": [
        "right now", "rn", "just now", "happening now", "at this moment", "at the moment", "as we speak", "still there",
        "still here", "still outside", "still inside", "still happening", "still going on", "still doing", "currently",
        "now", "at present", "this minute", "asap",
    ],
    "PRESENCE": [
        "there is", "there's", "theres", "there are", "there're", "just been left", "been left", "been dumped",
        "just left", "just dumped", "just dropped", "just put", "just placed", "just found", "just seen",
        "just saw", "just noticed", "just spotted", "ran off", "ran away", "i can see", "in front of me",
        "next to me", "near me", "is left", "been abandoned", "just been",
    ],
    "NONTHREAT": [
        "firearms command", "specialist firearms", "firearms officer", "firearms officers", "firearms unit",
        "firearms team", "firearms licence", "firearms license", "armed officers", "armed officer", "armed police",
        "armed protection", "armed patrols", "armed response", "armed forces", "armed guards", "armed and unarmed",
        "armed or unarmed", "knife crime", "knife amnesty", "knife arch", "knife arches", "knife wand", "knife bin",
        "butter knife", "knife and fork", "shooting game", "shooting games", "shooting a video", "shooting a film",
        "photo shoot", "gun salute", "glue gun", "nail gun", "water gun", "nerf gun", "jump the gun",
        "jumped the gun", "gun control", "gun laws", "smoking gun", "fire alarm", "fire alarms", "fire drill",
        "fire exit", "fire door", "fire safety", "fire service", "fire station", "fire engine", "fire extinguisher",
        "fire marshal", "fire warden", "fire brigade", "fire risk", "bomb disposal", "bomb squad", "bomb making", "bomb-making", "panic attack",
        "hurt my feelings", "shoulder blade", "roller blades", "razor blade", "in danger of", "bath bomb",
        "attack is likely", "attack is highly likely", "attack is very likely", "attack is unlikely",
        "attack is a strong possibility", "attack is almost certain", "attack is expected", "threat level",
        "threat levels", "smoke alarm", "shooting star", "photo bomb", "burning question", "burning issue", "hit me up",
        "hit us up",
    ],
    "NEG": ["no", "not", "n't", "nobody", "no one", "noone", "none", "never", "without", "nothing", "neither", "nor"],
    "HYPO": ["if", "what if", "in case", "suppose", "supposing", "imagine", "whether", "hypothetically"],
    "PAST": [
        "yesterday", "yday", "yest", "the other day", "the other night", "a while ago", "ages ago", "long time ago",
        "last night", "last week", "last weekend", "last month", "last year", "last time", "last summer",
        "last monday", "last tuesday", "last wednesday", "last thursday", "last friday", "last saturday",
        "last sunday", "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday",
        "on sunday", "earlier this week", "earlier in the week", "years ago", "months ago", "weeks ago", "days ago",
    ],
}

NUMBER_WORDS = ["a", "an", "one", "two", "three", "few", "couple", "several", "some"]
ATTACK_VERBS = ["hit", "hitting", "hits", "punch", "punching", "punched", "kick", "kicking", "kicked", "beating", "beat",
                "beats", "stamping", "attacked", "attack", "assaulted", "strangled", "choking", "slashed", "threatening",
                "threatened", "chasing", "chased", "stabbing", "stabbed", "shot", "shooting", "robbing", "mugging"]
VEHICLE_VERBS = ["drove", "driven", "driving", "drives", "drive", "ploughed", "plowed", "ploughing", "plowing", "rammed",
                 "ramming", "crashed", "crashing", "smashed", "ran", "running", "speeding", "sped", "swerved",
                 "swerving", "accelerated", "accelerating", "mowed", "mowing", "careered", "hit", "hitting", "veered"]
VEHICLE_TARGETS = ["crowd", "crowds", "people", "ppl", "pedestrians", "protesters", "queue", "everyone", "us", "them",
                   "shoppers", "tourists", "kids", "children", "someone", "somebody"]
THREAT_VERBS = ["kill", "stab", "shoot", "bomb", "attack", "hurt", "blow", "murder", "behead", "torch", "burn"]


def _in(words: List[str]) -> Dict[str, Dict[str, List[str]]]:
    return {"LOWER": {"IN": words}}


ACT_TARGETS = ["gate", "gates", "building", "embassy", "entrance", "door", "doors", "guards", "officers", "staff", "us",
               "me", "cameras", "cctv", "barriers", "police", "security", "residence", "premises", "children", "site",
               "house", "office", "checkpoint", "bollards", "fence", "him", "her", "them", "people", "everyone"]
_ACT_DETS = {"LOWER": {"IN": ["the", "our", "my", "at", "a", "this", "that", "all", "main", "front", "back", "side", "of"]},
             "OP": "*"}
BE = _in(["is", "are", "'s", "'re", "s", "was", "were", "has", "have", "been", "got"])

PATTERNS: Dict[str, List[List[dict]]] = {
    "weapon": [
        [_in(["armed"]), {"LOWER": {"IN": ["and", "with"]}, "OP": "?"}, {"LOWER": {"IN": ["dangerous"]}, "OP": "?"},
         _in(CIVILIANS)],
        [_in(CIVILIANS), BE, {"LOWER": {"IN": ["also", "definitely", "clearly"]}, "OP": "?"}, _in(["armed"])],
        [_in(["shot", "shots"]), _in(["at", "fired", "him", "her", "someone", "somebody", "people", "a", "the", "me"])],
        [_in(["shots", "gunshots", "bullets"]), _in(["being", "are", "were", "been", "getting", "just"]), {"OP": "?"},
         _in(["fired", "shot"])],
        [_in(["with", "holding", "carrying", "waving", "wielding", "swinging"]), _in(["a", "an", "his", "her", "some"]),
         {"LOWER": {"IN": ["big", "metal", "iron", "huge", "baseball", "cricket", "large"]}, "OP": "?"},
         _in(["hammer", "crowbar", "bar", "bat", "hatchet", "cleaver", "spear", "chainsaw", "screwdriver"])],
    ],
    "attack_in_progress": [
        [_in(ATTACK_VERBS), {"LOWER": {"IN": ["a", "the", "an", "some", "two", "this", "that", "random", "police",
                                              "security", "young", "old", "other", "loads", "lots", "of", "several", "many", "innocent"]}, "OP": "*"},
         _in(PERSON)],
        [_in(["screaming", "screamin", "screams", "yelling", "shouting"]), {"OP": "?"}, _in(["running", "fleeing"])],
        [_in(["running", "fleeing", "runnin"]), {"OP": "?"}, _in(["screaming", "screamin", "yelling", "panicking"])],
        [_in(["beating", "beat", "beats", "beaten"]), {"OP": "?"}, {"OP": "?"}, {"OP": "?"}, _in(["up"])],
        [_in(["threw", "throwing", "thrown"]), _in(["acid", "bleach", "ammonia"])],
        [_in(["going", "went", "lunging", "lunged", "charging", "charged", "running", "ran", "coming", "swinging"]),
         _in(["for", "at", "towards"]), {"LOWER": {"IN": ["the", "a", "some", "random"]}, "OP": "?"}, _in(PERSON)],
        [_in(["throwing", "threw", "thrown", "hurling", "hurled", "lobbing", "dropping", "dropped", "firing", "aiming",
              "spraying", "sprayed"]), {"OP": "?"}, {"OP": "?"}, {"OP": "?"},
         _in(["at", "on", "onto", "into"]), {"LOWER": {"IN": ["the", "a", "an", "some"]}, "OP": "?"}, _in(PERSON)],
        [_in(["spraying", "sprayed", "squirting"]), _in(PERSON), _in(["with"])],
    ],
    "threat": [
        [_in(["going", "gonna", "trying", "threatening", "threatened", "wants", "about", "planning"]),
         {"LOWER": "to", "OP": "?"}, _in(THREAT_VERBS)],
        [_in(["shouting", "making", "screaming"]), _in(["threats", "threat"])],
        [_in(["blow", "blowing"]), {"OP": "?"}, {"OP": "?"}, _in(["up"])],
    ],
    "injury": [
        [_in(["is", "are", "'s", "been", "got", "badly", "seriously", "was", "were"]), _in(["hurt", "injured"])],
        [_in(PERSON), _in(["hurt", "dead", "dying"])],
        [_in(PERSON), _in(["is", "are", "'s", "'re"]), _in(["dead", "dying"])],
        [_in(["killed", "killing"]), {"LOWER": {"IN": ["a", "the", "some", "two"]}, "OP": "?"},
         _in([p for p in PERSON if p not in ("me", "us")])],
        [_in(["been", "got", "being"]), _in(["killed", "stabbed", "shot", "slashed", "knifed", "trampled"])],
        [_in(["been", "got", "being"]), _in(["run", "knocked"]), _in(["over", "down"])],
        [_in(PERSON), _in(["is", "are", "'s", "'re"]), _in(["choking", "suffocating", "fitting", "convulsing"])],
        [_in(["ca", "can", "cannot", "could"]), {"LOWER": "n't", "OP": "?"}, _in(["breathe"])],
        [_in(["floor", "ground", "pavement", "road", "street"] + PERSON), {"LOWER": {"IN": ["is", "'s", "are"]}, "OP": "?"},
         _in(["not"]), _in(["moving", "breathing", "responding", "conscious"])],
    ],
    "vehicle_attack": [
        [_in(VEHICLE_VERBS), _in(["into", "at", "through", "over", "towards", "onto", "down"]),
         {"LOWER": {"IN": ["the", "a", "some", "all", "those", "loads", "lots", "of", "many", "several", "dozens",
                           "few", "load", "bunch", "group", "crowd"]}, "OP": "*"}, _in(VEHICLE_TARGETS)],
        [_in(["mounted", "mounting", "mounts", "mount", "drove", "driving", "driven", "drives"]),
         {"LOWER": {"IN": ["onto", "on", "along", "up", "the", "a"]}, "OP": "*"},
         _in(["pavement", "kerb", "curb", "sidewalk", "footpath"])],
        [_in(["ran", "run", "running", "mowed", "mowing"]), _in(["people", "ppl", "pedestrians", "someone", "them"]),
         _in(["over", "down"])],
    ],
    "ACT": [
        [_in(["filming", "recording", "photographing", "watching", "staring", "following", "videoing", "photoing",
              "pointing"]), _ACT_DETS, _in(ACT_TARGETS)],
        [_in(["taking", "snapping", "took"]), _in(["photos", "pictures", "photographs", "pics", "video", "videos", "notes"]),
         _ACT_DETS, _in(ACT_TARGETS)],
    ],
    "CLIMB": [
        [_in(["climbed", "climbing", "scaled", "scaling", "jumped", "jumping", "hopped", "vaulted", "got"]),
         {"LOWER": {"IN": ["over", "up", "onto", "the", "a", "our", "their", "perimeter", "embassy", "front", "back",
                           "side", "security", "high"]}, "OP": "*"},
         _in(["wall", "walls", "fence", "fences", "gate", "gates", "railings", "barrier", "barriers", "roof"])],
    ],
    # Weaker motion verbs: only a danger with a vehicle in the same sentence (see danger.py).
    "VEHICLE_MOTION": [
        [_in(["heading", "headed", "aiming", "aimed", "going", "racing", "raced", "speeding", "accelerating", "steering",
              "swerving", "veering", "coming"]),
         {"LOWER": {"IN": ["straight", "directly", "right", "fast"]}, "OP": "?"},
         _in(["for", "at", "towards", "toward", "into", "onto"]),
         {"LOWER": {"IN": ["the", "a", "some", "all", "those", "loads", "lots", "of", "many"]}, "OP": "*"},
         {"IS_ALPHA": True, "OP": "?"}, _in(VEHICLE_TARGETS + ["pavement", "kerb", "curb", "sidewalk", "barriers"])],
    ],
    "SUSPECT_ADJ": [
        [_in(["suspicious", "suspicous", "suspisious", "suspect", "unattended", "unatended", "unattented",
              "abandoned", "dodgy", "sus", "strange", "unknown", "weird", "odd", "unclaimed"]),
         {"OP": "?"}, _in(CONTAINERS)],
    ],
    "intrusion": [
        [_in(["kicking", "kicked", "smashing", "smashed", "breaking", "forcing", "ramming", "battering"]),
         {"LOWER": {"IN": ["the", "a", "our", "their", "front", "back", "main", "side"]}, "OP": "*"},
         _in(["door", "doors", "gate", "gates", "window", "windows", "glass", "lock", "barrier"]),
         {"LOWER": {"IN": ["in", "down", "open"]}, "OP": "?"}],
        [_in(["trying", "attempting", "tried", "attempted", "started"]), _in(["to"]),
         _in(["force", "break", "smash", "kick", "ram", "climb", "jump", "scale"]),
         {"LOWER": {"IN": ["in", "into", "open", "down", "over", "the", "a", "our", "through"]}}],
    ],
    "LEFT_ITEM": [
        [_in(CONTAINERS), {"LOWER": {"IN": ["has", "have", "was", "were", "been", "is", "are", "just", "being"]},
                           "OP": "*"}, _in(["left", "dumped", "abandoned", "planted", "hidden", "placed", "dropped"])],
        [_in(["left", "dumped", "abandoned", "planted", "dropped", "placed", "hid", "hidden", "leaving", "dumping"]),
         {"LOWER": {"IN": ["a", "an", "the", "this", "some", "his", "her", "their", "big", "black", "large"]}, "OP": "*"},
         _in(CONTAINERS)],
    ],
    "PAST": [
        [{"LIKE_NUM": True}, _in(["days", "weeks", "months", "years", "day", "week", "month", "year"]), _in(["ago"])],
        [_in(NUMBER_WORDS), {"LOWER": "of", "OP": "?"}, _in(["days", "weeks", "months", "years", "day", "week"]),
         _in(["ago"])],
        [_in(["in"]), {"SHAPE": "dddd"}],
    ],
    "NONTHREAT": [
        [_in(POLICE), _in(["carry", "carrying", "carries", "have", "use", "using", "armed", "with"]),
         _in(["guns", "firearms", "weapons", "tasers", "rifles"])],
        [_in(["shoot", "hit"]), _in(["me", "us"]), _in(["a", "an", "up"])],
        [_in(MEDIA), _in(["about", "on", "with", "had", "has", "have", "featuring", "showing", "shows"]),
         {"OP": "?"}, {"OP": "?"}, {"OP": "?"}, {"OP": "?"}],
    ],
}
