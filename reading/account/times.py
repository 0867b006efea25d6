"""When it happened, in the person's words, and the moment they name.

The entity rules find time words ("about 20 minutes ago", "yesterday", "4pm"); words right next to
each other are one time ("About 4pm on Wednesday", "Yesterday night, maybe 11 o'clock"); a
duration is a time too ("for the last 45 mins", "in the last hour"). A time that names a moment
beats one that does not, and "now" counts only when nothing else is said.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from spacy.tokens import Doc

from reading import regex
from reading.when import read_when

_DURATION = regex.compile(
    r"(?i)\b((?:for|in|over) (?:about |around |roughly |like |the )?(?:last |past )?(?:\d+|an?|one|two|three|"
    r"few|couple of|half an?) ?(?:mins?|minutes|hours?|hrs?|days|weeks)|been there (?:for )?\d+ ?(?:mins?|minutes|"
    r"hours?)|(?:this|last|over the last|over the past|in the last|in the past) (?:week|weekend|month|hour|half hour)|(?:most|every) (?:morning|evening|night|day)s?(?: this week)?|"
    r"every few days|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last \w+))\b"
)
# "someone just left a bag", "we've just had a call": it happened a moment ago.
_JUST = regex.compile(
    r"(?i)\b(just)\b (?:been|got|had|left|threw|thrown|drove|driven|walked|ran|run|seen|saw|heard|came|come|went|"
    r"gone|pulled|hit|set|rammed|attacked|tried|stabbed|shot|[a-z]+ed)\b"
)
# A message says when once or twice; reading more time words than this only costs time.
MAX_TIMES = 6
_GREETING = regex.compile(r"(?i)\bgood (?:morning|afternoon|evening|night)\b")
_CLOCK = regex.compile(
    r"\d|half|o'?clock|noon|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
)
# "He was about 60": an age, not a time (no clock reads past 24).
_AN_AGE = regex.compile(r"(?i)^(?:about|around|maybe|roughly|approx) (?:2[5-9]|[3-9]\d)$")
_JOINERS = frozenset({",", "on", "at", "about", "around", "maybe", "approx", "approximately", "-", "ish"})


def time_words(
    doc: Doc, entities: list[dict[str, Any]], now: datetime | None
) -> tuple[str | None, str | None]:
    """(the time words as said, the moment in ISO 8601) or (None, None)."""
    text = doc.text
    spans = sorted(
        [(e["start"], e["end"]) for e in entities if e["entity"] == "time"]
        + [(m.start(1), m.end(1)) for m in _DURATION.finditer(text)]
        + [(m.start(1), m.end(1)) for m in _JUST.finditer(text)]
    )
    groups: list[tuple[int, int]] = []
    for start, end in spans:
        if groups and (start <= groups[-1][1] or _joined(text[groups[-1][1] : start])):
            groups[-1] = (groups[-1][0], max(end, groups[-1][1]))
        else:
            groups.append((start, end))
    ranked = []
    for start, end in groups[:MAX_TIMES]:
        said = text[start:end].strip(" ,")
        if _GREETING.search(text[max(0, start - 6) : end]) or _AN_AGE.match(said):
            continue  # "Good afternoon" opens a message; it says nothing of when
        reading = read_when("just now" if said.lower() == "just" else said, now)
        ranked.append((_precision(said, reading.moment is not None), start, said, reading.iso))
    if not ranked:
        return None, None
    _, _, said, iso = max(ranked, key=lambda item: (item[0], -item[1]))
    return said, iso


def _precision(said: str, names_a_moment: bool) -> int:
    """How much a time says: a clock time > a day or a part of one > a duration > "now"."""
    lowered = said.lower()
    if lowered in ("now", "right now", "rn", "just"):
        return 0
    if not names_a_moment:
        return 1
    return 3 if _CLOCK.search(lowered) else 2


def _joined(between: str) -> bool:
    words = between.lower().replace(",", " , ").split()
    return len(words) <= 2 and all(word in _JOINERS for word in words)
