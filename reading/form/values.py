"""Reading an answer's value: skips, yes/no (consent, still happening), confirming, categories.

Part of the report form's grammars (reading/form/grammar.py is the public face).
"""

from __future__ import annotations

import functools
from pathlib import Path

from reading import regex
from reading.form.text import core, normalise, whole
from reading.yaml_data import read_yaml

CATEGORIES = (
    "surveillance",
    "eliciting_information",
    "testing_security",
    "unattended_item",
    "acquiring_materials",
    "expressed_threat",
    "other",
)

_SKIP = whole(
    r"skip(?: (?:it|this|that|this one|that one|this question|the question|for now))*|pass|next(?: question)?|"
    r"move on|n ?a|none|nothing(?: (?:to add|else|really|more))?|no idea|not sure|unsure|dunno|idk|no clue|"
    r"not a clue|(?:i )?(?:havent|have not) (?:got )?a clue|(?:i )?(?:really )?(?:dont|do not) know|"
    r"(?:i )?(?:cant|cannot|can not|couldnt) (?:remember|recall|say|tell)|i (?:didnt|did not) notice|"
    r"(?:i )?(?:didnt|did not) (?:see|notice|catch|get)(?: (?:one|any|it|them|that|him|her|the reg|the plate|"
    r"a vehicle|a car|anything|anyone|much))?|not that i (?:saw|noticed|know(?: of)?)|"
    r"(?:id |i would )?(?:rather|prefer) not(?: to)?(?: (?:say|answer))?|not applicable|unknown|"
    r"leave it(?: blank)?|blank|no (?:vehicle|car|van|plates?|bike|reg|motor)(?: (?:seen|visible|that i saw))?|"
    r"there (?:was|were) no (?:vehicles?|cars?|vans?)|there (?:wasnt|was not) (?:a|any) (?:vehicle|car|van)|"
    r"(?:they were |he was |she was )?(?:on foot|walking)|no|nope|nah|no one|nobody|none seen|cant say"
)
# "no car I saw", "didn't see any vehicle", "no, he was walking": there was no vehicle to describe.
_VEHICLE_WORD = r"(?:vehicles?|cars?|vans?|(?:number )?plates?|(?:motor)?bikes?|reg|motors?)"
_ON_FOOT = (
    r"(?:(?:(?:he|she|they) (?:was|were) )?(?:on foot|walking)|(?:(?:he|she|they) )?walked(?: off| away)?)"
)
_NO_VEHICLE = whole(
    rf"(?:(?:no|nope|nah) )?(?:(?:there (?:was|were) )?no {_VEHICLE_WORD}(?: (?:seen|visible|involved|"
    rf"(?:that )?i (?:saw|noticed|could see)|as far as i (?:know|could see|saw)))?|"
    rf"(?:i )?(?:didnt|did not|never|couldnt|could not) (?:see|notice|spot) (?:any|a) {_VEHICLE_WORD}|"
    rf"none (?:that )?i (?:saw|noticed))(?: {_ON_FOOT})?|(?:no|nope|nah) {_ON_FOOT}"
)
# "no idea where they went", "dunno who he was": a don't-know phrase with a short wh- tail.
_SKIP_WITH_TAIL = regex.compile(
    r"^(?:no idea|not sure|dunno|idk|(?:i )?(?:dont|do not) know|(?:i )?(?:didnt|did not) see|no clue)"
    r" (?:where|who|which|what|when|how)(?: \w+){0,3}$"
)

_YES = whole(
    r"y|yes|yess+|yeah|yea|yep|yup|ya|yh|aye|sure|ok|okay|k|fine|correct|right|absolutely|definitely|of course|"
    r"ofc|go ahead|go on|please do|do|yes please|please|that is fine|thats fine|thats ok|fine by me|why not|"
    r"certainly|affirmative|i do|yes i do|i think so|probably|sure thing|go for it"
)
_NO = whole(
    r"n|no|nope|nah|na|no thanks|no thank you|not really|negative|never|i dont|no i dont|"
    r"(?:id |i would )?rather not|no way"
)
_YES_OPENING = regex.compile(r"^(?:yes|yeah|yep|yup|sure|ok|okay|aye|ya)\b")
_NO_OPENING = regex.compile(r"^(?:no|nope|nah)\b")
_NO_OPENING_PHRASE = regex.compile(r"^(?:no|nope|nah) (?:idea|clue|one|problem|worries|doubt)\b")
_CONTACT_VERB = (
    r"(?:contact|call|ring|phone|text|email|e mail|message|reach|get in touch with|get hold of)(?:ed)?"
)
# Any word but "me".
_NOT_ME = r"(?:[a-ln-z0-9_]\w*|m(?:[a-df-z0-9_]\w*)?|me\w+)"
# A negation up to two words before "contact me": "don't contact me", "would rather you didn't contact me".
_NEGATED_CONTACT = regex.compile(
    rf"\b(?:dont|do not|didnt|did not|never|not|wouldnt|would not|wont|will not|no need to|rather not|"
    rf"prefer not)\b(?: {_NOT_ME}){{0,2}}? {_CONTACT_VERB}\b"
)
_CONSENT_YES = regex.compile(
    rf"\b(?:(?:you |officers |they |police |someone )?(?:can|may|could) {_CONTACT_VERB} me|{_CONTACT_VERB} me|"
    r"happy to be contacted|happy for (?:you|them|officers) to|im happy to talk)\b"
)
_CONSENT_NO = regex.compile(
    r"\b(?:anon|anonymous|anonymously|(?:dont|do not) want to be contacted|no contact|"
    r"(?:dont|do not) want to give (?:my )?(?:details|number|name)|leave me out of (?:it|this)|"
    r"keep my (?:details|name) (?:private|out of it)|no details|(?:rather|prefer) (?:you )?(?:didnt|did not|not)|"
    r"id rather not|(?:not|dont|do not|wouldnt|would not|never)(?: \w+){0,2}? (?:to )?be contacted)\b"
)
# The whole answer is the choice to stay anonymous ("stay anonymous", "i'd rather be anonymous"),
# whatever question it was said to.
_ANONYMOUS = whole(
    r"(?:(?:i ?d|i would|i want to|i wanna|i prefer to|id prefer to|please|can i|i ll|ill) )?"
    r"(?:(?:rather|like to|prefer to) )?(?:stay|remain|be|keep me|keep it|go)? ?(?:anon|anonymous|anonymously)"
    r"(?: please| thanks| thank you| if possible)?"
)


def stays_anonymous(text: str | None) -> bool:
    """The whole message asks to stay anonymous (said to any question of the form)."""
    return bool(_ANONYMOUS.match(core(text) or normalise(text)))


_ONGOING_YES = regex.compile(
    r"\b(?:(?:hes|shes|theyre|its|he is|she is|they are|it is|there are|theres) still|still (?:there|here|"
    r"happening|going on|around|outside|ongoing)|happening now|right now|as we speak)\b"
)
_ONGOING_NO = regex.compile(
    r"\b(?:(?:theyve|hes|shes|theyre|he has|she has|they have|they|he|she|it) (?:gone|left|went away|stopped)|"
    r"(?:not|no longer) (?:happening|there)|not (?:any ?more|now)|no longer|(?:its|it is|it was) (?:over|finished|"
    r"done)|(?:no one|nobody|noone)(?: is|s)? in danger|all (?:calm|clear|fine|ok|quiet)|gone now|over now)\b"
)
_UNSURE = whole(
    r"not sure|unsure|(?:i )?(?:dont|do not) know|dunno|idk|no idea|maybe|possibly|perhaps|(?:i )?(?:cant|cannot) "
    r"(?:tell|say)|might be|could be|not certain|hard to say"
)
_SEND = (
    r"(?:send|submit|file|lodge)(?: it| this| that| (?:the |my |this |that )?report)?(?: (?:now|off|in|through|"
    r"over|as it is|as is|to (?:the )?(?:officers|police)))*|(?:go ahead and |you can |please )(?:send|submit)(?: it)?"
)
_CONFIRM_PHRASE = (
    rf"{_SEND}|(?:thats|that is|its|it is|all) "
    r"(?:right|correct|fine|good|ok|okay|accurate)|looks (?:good|right|fine|ok|correct)|perfect|done|great|"
    r"lgtm|yes|yeah|yep|yup|ok|okay|please|thanks|thank you|go ahead|fine|good|cool|lovely|brilliant|correct|right|"
    r"sounds (?:good|right|fine)|spot on|that will do|thatll do"
)
_SEND_WORD = regex.compile(r"\b(?:send|submit|file|lodge)\b")
# "looks good, send it", "yes please send": one or more confirming phrases and nothing else.
_CONFIRM_YES = whole(rf"(?:{_CONFIRM_PHRASE})(?: (?:{_CONFIRM_PHRASE}))*")
_CATEGORY_NAMES = {
    "surveillance": r"surveillance|filming|photographing|photography|photos|pictures|taking photos|recording|"
    r"watching|filming or photographing|filming photographing or watching|hostile reconnaissance",
    "eliciting_information": r"asking unusual questions|asking questions|unusual questions|questions|"
    r"eliciting information|asking about security",
    "testing_security": r"testing security|testing|testing the security|probing",
    "unattended_item": r"unattended item|unattended bag|unattended package|abandoned item|suspicious item|bag|package",
    "acquiring_materials": r"buying or collecting materials|buying materials|collecting materials|materials|buying",
    "expressed_threat": r"threats?|threatening|expressed threat|threatening behaviour",
    "other": r"something else|other|none of (?:those|these|them|the above)|neither|not sure|unsure|(?:i )?(?:dont|do not)"
    r" know|dunno|idk|no idea|cant say|hard to say|none|not really sure|none really|different|something different",
}
# The options' own names (the buttons' titles), found inside a longer answer.
_CATEGORY_TITLES = {
    "surveillance": r"filming or photographing",
    "eliciting_information": r"asking unusual questions",
    "testing_security": r"testing (?:the )?security",
    "unattended_item": r"unattended (?:item|bag|package)",
    "acquiring_materials": r"buying or collecting materials",
    "expressed_threat": r"threats|threatening",
}

_CATEGORY_NAME_PATTERNS = {key: whole(names) for key, names in _CATEGORY_NAMES.items()}
_CATEGORY_TITLE_PATTERNS = {
    key: regex.compile(rf"\b(?:{title})\b") for key, title in _CATEGORY_TITLES.items()
}
_CATEGORY_DATA = read_yaml(Path(__file__).with_name("categories.yml"))
_NOT_A_CUE = regex.compile("|".join(_CATEGORY_DATA.pop("ignore")))
_CATEGORY_CUES = {
    key: [(int(entry["weight"]), regex.compile(cue)) for cue in entry["cues"]]
    + [(1, regex.compile(cue)) for cue in entry.get("weak_cues", ())]
    for key, entry in _CATEGORY_DATA.items()
}


def is_skip(text: str | None) -> bool:
    """The whole message says "skip" or "I don't know" ("no idea where they went" too)."""
    value = core(text)
    return bool(_SKIP.match(value) or _SKIP_WITH_TAIL.match(value) or _NO_VEHICLE.match(value))


_BARE_NO_VEHICLE = whole(r"no|nope|nah|none|no vehicle|no vehicles|none seen|there wasnt one|there was none")
_ONLY_ON_FOOT = whole(_ON_FOOT)


def no_vehicle(text: str | None) -> bool:
    """The whole message says there was no vehicle ("no vehicle, they walked", "no", "on foot"):
    an answer to the vehicle question, not a skip."""
    value = core(text)
    return bool(_NO_VEHICLE.match(value) or _BARE_NO_VEHICLE.match(value) or _ONLY_ON_FOOT.match(value))


def bare_no_vehicle(text: str | None) -> bool:
    """Just "no" (or "none"): nothing in the words worth keeping beyond that there was no vehicle."""
    return bool(_BARE_NO_VEHICLE.match(core(text)))


def yes_no(text: str | None, slot: str = "") -> str | None:
    """'yes', 'no', 'not sure' (the danger question only) or None, for a natural answer."""
    value = core(text) or normalise(text)
    if not value:
        return None
    if slot == "report_contact_consent":
        said_no = bool(_CONSENT_NO.search(value) or _NEGATED_CONTACT.search(value))
        said_yes = bool(_CONSENT_YES.search(_NEGATED_CONTACT.sub(" ", value)))
        if said_no != said_yes:
            return "no" if said_no else "yes"
        if said_no:
            return None
    if slot == "report_ongoing":
        said_no, said_yes = bool(_ONGOING_NO.search(value)), bool(_ONGOING_YES.search(value))
        if said_no != said_yes:
            return "no" if said_no else "yes"
        if _UNSURE.match(value):
            return "not sure"
    whole = normalise(text)
    if _NO.match(value) or _NO.match(whole):
        return "no"
    if _YES.match(value) or _YES.match(whole):
        return "yes"
    if _NO_OPENING.match(value) and not _NO_OPENING_PHRASE.match(value):
        return "no"
    if _YES_OPENING.match(value):
        return "yes"
    return None


def sends(text: str | None) -> bool:
    """The whole message asks to send the report ("send report", "yes submit it"), not just "yes"."""
    value = core(text)
    return bool(_CONFIRM_YES.match(value)) and bool(_SEND_WORD.search(value))


def confirms(text: str | None) -> bool:
    """At the summary: "send it", "looks good", "yes" and the like."""
    value = core(text)
    return bool(_CONFIRM_YES.match(value)) or (yes_no(text) == "yes")


def category(text: str | None) -> str | None:
    """The behaviour category an answer names or describes; "not sure" / "none of those" -> other."""
    value = core(text)
    if not value:
        return None
    if value in CATEGORIES:
        return value
    if value.isdigit() and 1 <= int(value) <= len(CATEGORIES):
        return CATEGORIES[int(value) - 1]
    for key, names in _CATEGORY_NAME_PATTERNS.items():
        if names.match(value):
            return key
    named = {key for key, title in _CATEGORY_TITLE_PATTERNS.items() if title.search(value)}
    if len(named) == 1:  # "he was measuring things so testing security I guess"
        return named.pop()
    return infer_category(value)


@functools.lru_cache(maxsize=64)  # a message is read for its kind twice: does it tell one, then whole
def infer_category(text: str | None) -> str | None:
    """The category a description points to most (categories.yml's weighted cues); none on a tie."""
    value = _NOT_A_CUE.sub(" ", normalise(text))
    scores = {
        key: sum(weight for weight, cue in cues for _ in cue.finditer(value))
        for key, cues in _CATEGORY_CUES.items()
    }
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top > second else None
