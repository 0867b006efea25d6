"""Entities for the report form: postcode, vehicle_registration, time and place.

One blank spaCy pipeline per process (built on first use, not at import): an EntityRuler
holds the London places of reading/places/gazetteer.yml (phrase patterns, case-insensitive, canonical name
as the id) and
the time expressions (token patterns). Postcodes and registrations are character-level
codes that spaCy's tokenizer splits unpredictably ("W1K" -> "W1", "K"), so they are found
with regular expressions over the text and added to the same doc as character spans.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span
from spacy.util import filter_spans

from reading import regex
from reading.places import aliases
from reading.places import places as gazetteer_places
from reading.when import parse_when
from reading.when_words import UNIT_WORDS

__all__ = ["extract_entities", "normalise_registration", "normalise_postcode", "parse_when"]

EXTRACTOR = "SafetyEntityExtractor"
_POSTCODE = regex.compile(r"\b([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][abd-hjlnp-uw-z]{2})\b", ignore_case=True)
# Current format (2001+): two area letters (no I, Q; no Z first), age identifier, three random letters (no I, Q).
_CURRENT = regex.compile(r"\b([a-hj-pr-y][a-hj-pr-z]) ?([0-9]{2}) ?([a-hj-pr-z]{3})\b", ignore_case=True)
_CURRENT_COMPACT = regex.compile(
    r"\b([a-hj-pr-y][a-hj-pr-z])([0-9]{2}) ?([a-hj-pr-z]{3})\b", ignore_case=True
)
_PREFIX = regex.compile(r"\b([a-hj-npr-y])([0-9]{1,3}) ?([a-hj-pr-z]{3})\b", ignore_case=True)  # A123 BCD
_SUFFIX = regex.compile(r"\b([a-hj-pr-z]{3}) ?([0-9]{1,3})([a-hj-npr-y])\b", ignore_case=True)  # ABC 123D

_APPROX = {
    "LOWER": {
        "IN": [
            "at",
            "about",
            "around",
            "approx",
            "approximately",
            "roughly",
            "by",
            "after",
            "before",
            "maybe",
            "like",
            "just",
            "~",
        ]
    },
    "OP": "*",
}
_NUMBER = {
    "LOWER": {
        "REGEX": r"^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|thirty|forty|fifty|few|couple|several)$"
    }
}
_UNIT = {"LOWER": {"REGEX": "^(" + UNIT_WORDS + ")$"}}
_CLOCK = {"LOWER": {"REGEX": r"^\d{1,2}([:.]\d{2})?(am|pm|a\.m\.|p\.m\.)?$"}}
_STRICT_CLOCK = {"LOWER": {"REGEX": r"^(\d{1,2}[:.]\d{2}(am|pm)?|\d{1,2}(am|pm))$"}}
_HOUR_WORD = {
    "LOWER": {
        "IN": [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    }
}
_HOUR = {"LOWER": {"REGEX": r"^(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$"}}
_MERIDIEM = {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m."]}, "OP": "?"}
_DAY_WORDS = [
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_PARTS = ["morning", "afternoon", "evening", "night", "lunchtime"]
TIME_PATTERNS: list[list[dict[str, Any]]] = [
    [{"LOWER": {"IN": ["right", "just"]}, "OP": "?"}, {"LOWER": "now"}],
    [
        _APPROX,
        {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
        {"LOWER": {"IN": ["few", "couple"]}, "OP": "?"},
        {"LOWER": "of", "OP": "?"},
        _NUMBER,
        _UNIT,
        {"LOWER": "ago"},
    ],
    [_APPROX, {"LOWER": {"IN": ["a", "an"]}}, _UNIT, {"LOWER": "ago"}],
    [_APPROX, {"LOWER": "half"}, {"LOWER": {"IN": ["a", "an"]}}, {"LOWER": "hour"}, {"LOWER": "ago"}],
    [
        {"LOWER": {"IN": ["on", "last", "this", "earlier", "early", "late"]}, "OP": "?"},
        {"LOWER": {"IN": _DAY_WORDS + _PARTS}},
        {"LOWER": {"IN": _PARTS + ["today"]}, "OP": "?"},
    ],
    [
        {"LOWER": {"IN": ["on", "last", "this", "earlier", "early", "late"]}, "OP": "?"},
        {"LOWER": {"IN": _DAY_WORDS + _PARTS}},
        {"LOWER": {"IN": _PARTS}, "OP": "?"},
        _APPROX,
        _CLOCK,
        _MERIDIEM,
    ],
    [
        {"LOWER": {"IN": ["at", "about", "around", "approx", "approximately", "roughly", "by", "after"]}},
        _APPROX,
        _CLOCK,
        _MERIDIEM,
        {"LOWER": {"IN": _DAY_WORDS + ["this", "last"]}, "OP": "?"},
        {"LOWER": {"IN": _PARTS}, "OP": "?"},
    ],
    [_STRICT_CLOCK, {"LOWER": {"IN": _DAY_WORDS}, "OP": "?"}],
    # "half 4", "about 3ish", "eight thirty", "maybe 11 o'clock", each with a day word after or not.
    [_APPROX, {"LOWER": "half"}, _HOUR, {"LOWER": {"IN": _DAY_WORDS}, "OP": "?"}],
    [_APPROX, {"LOWER": {"REGEX": r"^\d{1,2}(:\d{2})?-?ish$"}}, {"LOWER": {"IN": _DAY_WORDS}, "OP": "?"}],
    [
        _APPROX,
        _HOUR_WORD,
        {"LOWER": {"IN": ["fifteen", "thirty", "forty-five", "forty", "o'clock", "oclock"]}},
    ],
    [_APPROX, _HOUR, {"LOWER": {"IN": ["o'clock", "oclock", "o’clock"]}}],
    [{"LOWER": {"IN": ["rn"]}}],
    [
        {"LIKE_NUM": True},
        {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m."]}},
        {"LOWER": {"IN": _DAY_WORDS}, "OP": "?"},
    ],
    [
        {"TEXT": {"REGEX": r"^\d{4}$"}},
        {"ORTH": "-"},
        {"TEXT": {"REGEX": r"^\d{2}$"}},
        {"ORTH": "-"},
        {"TEXT": {"REGEX": r"^\d{2}(T\d{1,2}:\d{2})?$"}},
    ],
]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The blank English pipeline with the place and time rules (built once per process)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    assert isinstance(ruler, EntityRuler)  # add_pipe is typed as returning any pipe
    patterns: list[dict[str, Any]] = [
        {"label": "place", "pattern": alias, "id": place.name}
        for place in gazetteer_places()
        for alias in aliases(place)
    ]
    patterns += [{"label": "time", "pattern": pattern} for pattern in TIME_PATTERNS]
    ruler.add_patterns(patterns)
    return nlp


def normalise_postcode(text: str) -> str | None:
    """'w1k6ah' -> 'W1K 6AH'; None if the text holds no UK postcode."""
    match = _POSTCODE.search(text or "")
    return f"{match.group(1)} {match.group(2)}".upper() if match else None


def normalise_registration(text: str) -> str | None:
    """The first UK registration in `text`, upper case with one space ('ab12cde' -> 'AB12 CDE'), else None.

    Current (2001+) format first; then the older prefix ('A123 BCD') and suffix ('ABC 123D') ones.
    """
    text = text or ""
    for pattern in (_CURRENT, _PREFIX, _SUFFIX):
        for match in pattern.finditer(text):
            first, number, last = match.groups()
            if pattern is _CURRENT and not _valid_age_identifier(number):
                continue
            if pattern is _SUFFIX:
                return f"{first} {number}{last}".upper()
            return f"{first}{number} {last}".upper()
    return None


def _valid_age_identifier(number: str) -> bool:
    """March plates are 02-49, September plates 51-99 (00, 01 and 50 were never issued)."""
    value = int(number)
    return 2 <= value <= 49 or 51 <= value <= 99


def extract_entities(text: str) -> list[dict[str, Any]]:
    """Rasa-style entity dicts for postcodes, registrations, times and London places in `text`
    (new dicts on every call: the caller may change them)."""
    return [dict(entity) for entity in _entities(text or "")]


# One message is read by the entity extractor and again by the account reader.
@lru_cache(maxsize=64)
def _entities(text: str) -> tuple[dict[str, Any], ...]:
    if not text.strip():
        return ()
    nlp = pipeline()
    doc = nlp(text)
    spans = list(doc.ents)
    for label, pattern in (
        ("postcode", _POSTCODE),
        ("vehicle_registration", _CURRENT_COMPACT),
        ("vehicle_registration", _PREFIX),
        ("vehicle_registration", _SUFFIX),
    ):
        for match in pattern.finditer(text):
            if pattern in (_PREFIX, _SUFFIX) and not match.group(0).isupper():
                continue  # old formats look like words ("m25 and"): only when written as a plate
            span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    entities = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start_char):
        value = _value(span)
        if value is not None:
            entities.append(
                {
                    "entity": span.label_,
                    "value": value,
                    "start": span.start_char,
                    "end": span.end_char,
                    "extractor": EXTRACTOR,
                }
            )
    return tuple(entities)


def _value(span: Span) -> str | None:
    """The normalised value of one span (canonical place name, upper-case codes, time words as said)."""
    if span.label_ == "place":
        return span.ent_id_ or span.text
    if span.label_ == "postcode":
        return normalise_postcode(span.text)
    if span.label_ == "vehicle_registration":
        return normalise_registration(span.text)
    return span.text
