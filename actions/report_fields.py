"""Parsing helpers for report answers: deterministic, no I/O, easy to unit-test."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

NOT_GIVEN = "not given"

# The behaviour categories officers triage by (issue: structured report).
CATEGORIES = {
    "surveillance": "Filming, photographing or watching",
    "eliciting_information": "Asking unusual questions",
    "testing_security": "Testing security",
    "unattended_item": "Unattended item",
    "acquiring_materials": "Buying or collecting materials",
    "expressed_threat": "Threats",
    "other": "Something else",
}

_CATEGORY_WORDS = {
    "surveillance": r"film|photo|pictures?|video|record|camera|watch|observ|sketch|note[s ]|drone|surveil|loiter|hanging around|lurk|binocular",
    "eliciting_information": r"ask(ed|ing)? (about|how|what|when|where|questions?)|question(ed|s|ing)|enquir|inquir|shift|rota|how many guards",
    "testing_security": r"test|tried (the )?(door|gate)|tailgat|restricted|barrier|probing|try(ing)? to get in|pushed the gate|checking the (door|lock|gate)",
    "unattended_item": r"unattended|abandoned|left (a |the |behind)|bag|package|parcel|suitcase|rucksack|backpack",
    "acquiring_materials": r"buy(ing)?|bought|purchas|fertili[sz]er|chemical|gas canister|uniform|stockpil|collect(ing)? materials",
    "expressed_threat": r"threat|threaten|going to (kill|hurt|blow)|said he would|extremis|radical",
    "other": r"something else|other|none of (these|them)|not sure",
}

_SKIP = re.compile(
    r"^\s*(skip|pass|next|n/?a|none|nothing|no idea|not sure|unsure|dunno|don'?t know|i don'?t know|"
    r"idk|no vehicle|no car|didn'?t see( one| any| them| it)?|did not see|rather not( say)?|"
    r"no one|nobody|can'?t remember|not applicable)\b",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\s*(y|yes|yeah|yep|yup|ya|aye|correct|ok|okay|sure|please|definitely|it is|he is|she is|they are|still)\b",
    re.I,
)
_NO = re.compile(
    r"^\s*(n|no|nope|nah|not (any ?more|now|really)|no one|nobody|gone|they left|(he|she) left|it'?s over|stopped)\b",
    re.I,
)
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_PHONE_CHARS = re.compile(r"[\s()+-]")

_FIELD_WORDS = {
    "report_description": r"descri|what (happened|i saw)|happen|saw",
    "report_location": r"locat|where|place|address|postcode",
    "report_when": r"time|when|date|day",
    "report_ongoing": r"still|danger|ongoing|happening",
    "report_people": r"people|person|man|woman|clothing|suspect",
    "report_vehicle": r"vehicle|car|van|reg|plate|bike",
    "report_direction": r"direction|which way|went|headed",
    "report_category": r"type|categor|kind",
    "report_contact_consent": r"contact|phone|email|e-mail|number|anonym",
}


def entity_value(entities: Iterable[Mapping[str, Any]], name: str) -> Any | None:
    """The value of the first entity called `name` in a message's parsed entities, or None."""
    return next((entity.get("value") for entity in entities if entity.get("entity") == name), None)


def is_payload(text: str | None) -> bool:
    """A typed or replayed `/intent{...}` string: never accepted as a free-text answer."""
    return text is not None and text.lstrip().startswith("/")


def is_skip(text: str | None, intent: str | None = None) -> bool:
    """True for "skip", "I don't know", "no vehicle" and the like."""
    return intent == "skip" or bool(text and _SKIP.match(text))


def parse_yes_no(text: str | None, intent: str | None = None) -> str | None:
    """'yes', 'no' or None (not understood); the intent wins when it is affirm/deny."""
    if intent == "affirm":
        return "yes"
    if intent == "deny":
        return "no"
    if not text:
        return None
    if _NO.match(text):
        return "no"
    if _YES.match(text):
        return "yes"
    return None


def infer_category(text: str | None) -> str | None:
    """The behaviour category a description or answer points to, if exactly one does."""
    if not text:
        return None
    lowered = text.lower().strip()
    if lowered in CATEGORIES:
        return lowered
    for key, label in CATEGORIES.items():
        if lowered == label.lower():
            return key
    hits = [key for key, words in _CATEGORY_WORDS.items() if key != "other" and re.search(words, lowered)]
    if len(hits) == 1:
        return hits[0]
    if not hits and re.search(_CATEGORY_WORDS["other"], lowered):
        return "other"
    return None


def parse_contact(text: str | None) -> str | None:
    """A normalised UK phone number or e-mail address, or None if it is neither."""
    if not text:
        return None
    candidate = text.strip()
    if _EMAIL.match(candidate):
        return candidate
    digits = _PHONE_CHARS.sub("", candidate)
    if digits.isdigit() and (
        (digits.startswith("0") and len(digits) in (10, 11))
        or (digits.startswith("44") and len(digits) in (11, 12))
    ):
        return ("+" if digits.startswith("44") else "") + digits
    return None


def field_to_change(text: str | None) -> str | None:
    """Which report field a "change the location"-style request names."""
    if not text:
        return None
    lowered = text.lower()
    for slot, words in _FIELD_WORDS.items():
        if re.search(words, lowered):
            return slot
    return None


def looks_like_registration_attempt(text: str) -> bool:
    """A short letters-and-digits answer: someone typing a number plate, not describing a car."""
    compact = text.replace(" ", "")
    return 2 <= len(compact) <= 9 and compact.isalnum() and any(c.isdigit() for c in compact)


FIELD_SLOTS = tuple(_FIELD_WORDS)
