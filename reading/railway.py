"""Is a report about the railway? Trains, the Underground, stations: British Transport Police's beat.

A deterministic word rule: the report's start, its description or its place mentioning a
train, the Tube or a station (not a police, petrol or bus station) means the person is also
told to text British Transport Police (servator/config/contacts.yml `railway`), and the report's
confirmation says so again. A station named without the word ("at Baker Street") counts when
the message also speaks of travelling ("got off", "under a seat"): the gazetteer's stations
(reading/places/gazetteer.yml, kind `station`) give the names. The person's own way to or from a
station ("on my way to the tube, I saw ... outside the embassy") says where they were going, not
where it happened, so it does not count.
"""

from __future__ import annotations

from functools import lru_cache

from reading import regex
from reading.places import places
from reading.regex import Pattern

_NOT_RAILWAY = regex.compile(
    r"\b(?:police|petrol|fire|bus|coach|gas|service|space|radio|tv|polling|charging|docking|work|power|"
    r"weather|filling|ambulance|lifeboat|military|research) stations?\b"
)
_RAILWAY = regex.compile(
    r"\b(?:trains?|tube|the underground|london underground|underground (?:station|train|line|platform)|"
    r"overground|dlr|elizabeth line|crossrail|thameslink|eurostar|railways?|rail|platforms?|carriages?|"
    r"ticket (?:hall|barriers?|office|gates?)|stations?|stn|"
    r"(?:bakerloo|central|circle|district|hammersmith and city|hammersmith|jubilee|metropolitan|northern|"
    r"piccadilly|victoria|waterloo and city) line)\b"
)


# Travelling, as said of a train: getting on or off, a seat, the escalators, an Oyster card.
_TRAVEL = regex.compile(
    r"\b(?:get|gets|got|getting|jump|jumps|jumped|jumping|hop|hops|hopped|hopping|step|stepped|stepping)"
    r" (?:off|on)\b|\b(?:under|on|beside|by) (?:a|the|his|her|their|my|an empty) seats?\b|\bescalators?\b|"
    r"\boyster\b|\bmind the gap\b"
)


# The person's own journey to or from a station: where they were heading, not where it happened.
_OWN_JOURNEY = regex.compile(
    r"\b(?:(?:on|in) (?:my|our) way|(?:i|we)(?: was| were|'m|'re| am| are)? (?:just )?"
    r"(?:walking|heading|going|coming|walked|headed|went|came|rushing|hurrying|running))"
    r" (?:back |home |down |up )?(?:to|from|towards|out of|into) (?:the )?"
    r"(?:tube|train|underground|overground|station)(?: station)?\b"
)


_STATION_WORD = regex.compile(r"\s+(?:underground |tube |rail |railway )?station$")


@lru_cache(maxsize=1)
def _station_names() -> Pattern:
    """The gazetteer's station names without the word "station" ("baker street", "green park")."""
    names = {
        _STATION_WORD.sub("", place.name.lower().replace("\u2019", "'"))
        for place in places()
        if place.kind == "station"
    }
    return regex.compile(
        r"\b(?:" + "|".join(regex.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b"
    )


def mentions_railway(text: str | None) -> bool:
    """True when `text` places something on a train, the Underground or a railway station."""
    lowered = " ".join((text or "").lower().replace("\u2019", "'").split())
    lowered = _OWN_JOURNEY.sub(" ", lowered)
    if _RAILWAY.search(_NOT_RAILWAY.sub(" ", lowered)):
        return True
    return bool(_TRAVEL.search(lowered) and _station_names().search(lowered))
