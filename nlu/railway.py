"""Is a report about the railway? Trains, the Underground, stations: British Transport Police's beat.

A deterministic word rule: the report's start, its description or its place mentioning a
train, the Tube or a station (not a police, petrol or bus station) means the person is also
told to text British Transport Police (servator/contacts.yml `railway`), and the report's
confirmation says so again.
"""

from __future__ import annotations

import re

_NOT_RAILWAY = re.compile(
    r"\b(?:police|petrol|fire|bus|coach|gas|service|space|radio|tv|polling|charging|docking|work|power|"
    r"weather|filling|ambulance|lifeboat|military|research) stations?\b"
)
_RAILWAY = re.compile(
    r"\b(?:trains?|tube|the underground|london underground|underground (?:station|train|line|platform)|"
    r"overground|dlr|elizabeth line|crossrail|thameslink|eurostar|railways?|rail|platforms?|carriages?|"
    r"ticket (?:hall|barriers?|office|gates?)|stations?|stn|"
    r"(?:bakerloo|central|circle|district|hammersmith and city|hammersmith|jubilee|metropolitan|northern|"
    r"piccadilly|victoria|waterloo and city) line)\b"
)


def mentions_railway(text: str | None) -> bool:
    """True when `text` places something on a train, the Underground or a railway station."""
    lowered = " ".join((text or "").lower().replace("’", "'").split())
    return bool(_RAILWAY.search(_NOT_RAILWAY.sub(" ", lowered)))
