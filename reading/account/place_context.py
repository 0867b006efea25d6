"""What the words around a place say about it (reading.account.places weighs the places with it).

- A route is one place: "followed us from Avenue Road all the way to Marylebone Road", "in the
  tunnel between Baker St and Regent's Park", "the corner of Upper Brook Street and Park Lane".
- Ranking the places said: see `rank`.
- The speaker's own place is the background, not where it happened: "I'm a concierge at a block in
  Mayfair", "I work at an embassy on Kensington Palace Gardens", "I live on Motcomb Street", "I was
  sat in a coffee place near Victoria". Another place said in the account wins over it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from reading import places as gazetteer
from reading import regex
from reading.account.place_words import SITE
from reading.places import london

# Said right before the first place of a route, and between its two places.
_ROUTE_START = regex.compile(r"(?i)\b(from|between)\s+(?:the\s+)?$")
_ROUTE_TO = regex.compile(
    r"(?i)^\s*,?\s*(?:(?:all|right) the way |straight |right |and on |then |back )?"
    r"(?:to|till|until|til|up to|down to|through to|over to|as far as)\s+(?:the\s+)?$"
)
_ROUTE_AND = regex.compile(r"(?i)^\s*(?:and|&)\s+(?:the\s+)?$")
# "the corner of X and Y", "the junction of X and Y": one place with two names.
_CROSSING = regex.compile(r"(?i)\b(?:corner|junction|crossroads|intersection) of\b")
# What people do where they work, said without "a": "I am driver for the embassy", "I am cleaner at".
_ROLES = (
    "driver|cleaner|guard|concierge|receptionist|porter|student|teacher|manager|chef|cook|waiter|waitress|"
    "barista|steward|nurse|doctor|volunteer|officer|gardener|cabbie|courier|rider|worker|employee|resident|"
    "tenant|owner|staff|caretaker|janitor|housekeeper|nanny|secretary|assistant|supervisor|attendant"
)
# Before a place in the same sentence: the speaker says where they work, live or sit, or what they
# are there ("I'm the night concierge at", "we live on", "I'm on reception at", "reporting from").
_OWN = regex.compile(
    r"(?i)(?:\b(?:i|we)\s*(?:'ve|’ve|have|'m|’m|am|are|'re|’re|was|were)?\s*"
    r"(?:work|works|worked|working|live|lives|lived|living|run|own|manage|drive|do deliveries|stay|staying|"
    r"teach|study|volunteer|"
    r"sitting|sat|waiting|standing|stood)\b"
    r"|\bi\s*(?:'m|’m|am|m)\s+(?:a|an|the|one of the|head of|part of)\s"
    rf"|\bi\s*(?:'m|’m|am|m)\s+(?:[a-z-]+\s+)?(?:{_ROLES})s?\b"
    r"|\bi\s*(?:'m|’m|am|m)\s+on\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:reception|security|desk|door|gate|shift|team|duty)\b"
    r"|\b(?:reporting|writing|typing this|calling|messaging) (?:from|on behalf of)\b"
    r"|\b(?:from|through|out of) (?:my|our) "
    r"|\bwhere (?:i|we) (?:work|live)\b)"
)
_OWNER = regex.compile(r"(?i)(?:my|our) ")
_SENTENCE_END = regex.compile(r"[.!?;]\s")
# Between the cue and the place: another clause ("I'm a bus driver and last Thursday on the 521").
_CLAUSE_BREAK = regex.compile(r"(?i),|\b(?:and|but|so|when|then|while|because)\b")
_OWN_REACH = 60  # characters back from a place to the cue: "I'm a security guard at an embassy on"


def routes(text: str, groups: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Two places said as one route or one corner joined into one place, from "from"/"between"."""
    joined: list[tuple[int, int, bool]] = []
    for group in groups:
        if joined:
            start, end, named = joined[-1]
            between = text[end : group[0]]
            opening = _ROUTE_START.search(text[max(0, start - 14) : start])
            to = _ROUTE_TO.match(between) if opening and opening.group(1).lower() == "from" else None
            both = _ROUTE_AND.match(between) is not None and (
                (opening is not None and opening.group(1).lower() == "between")
                or _CROSSING.search(text[start:end]) is not None
            )
            if (
                (to is not None or both) and named and group[2]
            ):  # "from the embassy to Park Lane": where they went
                if opening is not None:
                    start = max(0, start - 14) + opening.start(1)
                joined[-1] = (start, group[1], named or group[2])
                continue
        joined.append(group)
    return joined


def own_place(text: str, start: int) -> bool:
    """The place starting at `start` is where the speaker works, lives or sits (see the module)."""
    owner = _OWNER.match(text[start : start + 4])  # "from my office window": the place says whose
    window = text[max(0, start - _OWN_REACH) : start + (owner.end() if owner else 0)]
    ends = [match.end() for match in _SENTENCE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    cues = list(_OWN.finditer(window))
    return bool(cues) and _CLAUSE_BREAK.search(window[cues[-1].end() :]) is None


# Said right before a place: the person places what they saw there.
AT = regex.compile(
    r"(?i)(?:\b(?:at|outside|near|nr|in|inside|on|by|opposite|behind|beside|round|around|past|across from|"
    r"next to|in front of|front of|close to|by the|outside of|from|over|through|along|under|underneath|beneath|"
    r"above|out of|against)\s*(?:one of\s*)?"
    r"(?:(?:the|a|an|our|their) )?)$"
)
# Said right before a place: where someone went, not where it happened.
_WHERE_TO = regex.compile(
    r"(?i)(?:\b(?:towards?|twa?rds|(?:in|to) the direction of|in direction of|heading(?: for| to)?|headed(?: for| to)?|back to|off to|off at|"
    r"out at|got on at|dropped (?:them|him|her|me|us|it) (?:off )?at)\s*)$"
)
# "walking from St James's Park tube": where someone came from says less than where they were.
_FROM = regex.compile(
    r"(?i)(?:^|[^a-z])(?:walking|walked|came|coming|come|travelling|on my way|way) from\s*(?:(?:the|a|an|our|my) )?$"
)
_ROUTE_OPENING = regex.compile(r"(?i)(?:from|between) ")


def areas(text: str, entities: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Where a district is named alone ("in Lewisham", "Mayfair"): gazetteer areas and London's."""
    spans = {(start, end) for start, end, kind in london.found(text) if kind == "areas"}
    for e in entities:
        place = gazetteer.lookup(e["value"]) if e["entity"] == "place" else None
        if place is not None and place.kind == "area":
            spans.add((e["start"], e["end"]))
    return spans


def rank(
    text: str, group: tuple[int, int, bool], sure: list[int], names: list[int], areas: set[tuple[int, int]]
) -> tuple[int, int, int, int, int]:
    """Named beats unnamed, said as where it was beats only mentioned ("the pavement on Whitehall"
    is said where it was by its name); the speaker's own place counts at most as a place named
    but only mentioned (see `own_place`); where they went comes last; a district alone counts as said without "at" (a street or site named in the same
    account says more); then a site ("the Israeli embassy in Kensington") before a bare name;
    then a name the gazetteer or a street's shape gives before one guessed ("an office near
    Victoria"); then the earliest."""
    start, end, named = group
    area_starts = {area_start for area_start, _ in areas}
    opening = _ROUTE_OPENING.match(text[start:end])  # "from A to B": "from" says how it is placed
    before = text[max(0, start - 24) : start + (opening.end() if opening else 0)]
    if _WHERE_TO.search(before):
        return (-1, 0, 0, 0, -start)
    at = bool(AT.search(before[-14:])) and not _FROM.search(before)
    inside = names[bisect_right(names, start) : bisect_left(names, end)]  # names sorted by start
    at = at or any(
        AT.search(text[max(start, name - 14) : name]) and name not in area_starts for name in inside
    )
    area = (start, end) in areas
    at = at and not area
    own = own_place(text, start)
    return (
        min(2, 2 * named + at) if own else 2 * named + at,
        not area,
        bool(SITE.search(text[start:end])),
        any(start <= mention < end for mention in sure),
        -start,
    )
