"""Where it happened, in the person's words: "the Saudi embassy on Curzon Street", "Belgrave Sq".

Places come from the gazetteer (reading/places), postcodes, street and station names the gazetteer
does not know ("Upper Grosvenor Street", "victoria coach station") and buildings ("the embassy",
"our consulate"). A named place beats a building alone; a building right before a named place is
joined to it ("the embassy on eaton square"). Never where they went, nor a car named after a place
("a red Vauxhall Corsa").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from reading import regex

_STREET_NAMES = (
    r"Street|St|Road|Rd|Lane|Avenue|Ave|Square|Sq|Place|Gardens|Gdns|Terrace|Crescent|Mews|Row|Way|Hill|Gate|Walk|"
    r"Close|Court|Yard|Parade|Embankment|Circus|Grove|Bridge|Green|Market|Wharf|Park"
)
_STREET = regex.compile(
    rf"\b((?:[A-Z][a-z'’]+ |St\.? |[A-Z]'?[A-Z]?[a-z'’]+ ){{1,3}}(?:{_STREET_NAMES})\b\.?)"
    r"|\b([a-z]{3,}(?: [a-z]{3,})? (?:street|st|road|rd|lane|avenue|square|sq|gardens|terrace|crescent|mews|"
    r"market|wharf|bridge))\b"
)
_STATION = regex.compile(
    r"(?i)\b((?:[a-z']{3,} ){1,2}(?:coach |tube |train |underground |overground |rail |bus )?station)\b"
)
# On a bus or train: "the 38 bus", "the Central line train", "a District line carriage", "the jubilee line".
_TRANSPORT = regex.compile(
    r"(?i)\b((?:the|a) (?:\d{1,3} |n\d{1,3} |night )?(?:[a-z]+ line |[a-z]+ )?(?:bus|train|tube|carriage)"
    r"|(?:the )?(?:bakerloo|central|circle|district|jubilee|metropolitan|northern|piccadilly|victoria|elizabeth|"
    r"hammersmith and city|waterloo and city|overground|dlr) line)\b"
)
_BUILDING = regex.compile(
    r"(?i)\b((?:the |our |an |their )?(?:[a-z]{3,} )?(?:embassy|embasy|embassies|consulate|high commission|"
    r"mission|residence|reception|lobby|front desk|staff entrance|building|offices?|shop|gate|gates|"
    r"fence|railings|barrier|entrance))\b"
)
_PLACE_LINKS = frozenset({"on", "in", "at", "near", "outside", "by", "off", ",", "of", "opposite", "behind"})
_NOT_A_NAME = frozenset(
    "the a an this that same main back side next other their his her our my your down up on in at "
    "near along off busy quiet little big long front right wrong safe nice good same whole".split()
)


@dataclass(frozen=True)
class Where:
    words: str
    place: str | None
    postcode: str | None
    named: bool  # a place with a name (not only "the staff entrance", "our gate")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    named: bool  # a place with a name (gazetteer, street, station, postcode), not just "the embassy"


def location(doc: Doc, text: str, entities: list[dict[str, Any]], not_places: Sequence[Span]) -> Where | None:
    """The place words (see the module docstring); None when the text names no place."""
    excluded = [range(span.start_char, span.end_char) for span in not_places]
    mentions = [
        mention
        for mention in _mentions(text, entities)
        if mention.end > mention.start and not any(mention.start in span for span in excluded)
    ]
    if not mentions:
        return None
    named = [mention for mention in mentions if mention.named]
    first = named[0] if named else mentions[0]
    start, end = first.start, first.end
    for mention in sorted(mentions, key=lambda m: -m.start):  # a building just before it
        if mention.end <= start and _joined(text[mention.end : start]):
            start = mention.start
    for mention in mentions:  # and the named places right after it
        if mention.start >= end and mention.named and _joined(text[end : mention.start]):
            end = mention.end
    place = next(
        (e["value"] for e in entities if e["entity"] == "place" and e["start"] < end and e["end"] > start),
        None,
    )
    postcode = next((e["value"] for e in entities if e["entity"] == "postcode"), None)
    return Where(text[start:end].strip(), place, postcode, first.named)


def _mentions(text: str, entities: list[dict[str, Any]]) -> list[_Mention]:
    found = [_Mention(e["start"], e["end"], True) for e in entities if e["entity"] in ("place", "postcode")]
    for pattern, named in ((_STREET, True), (_STATION, True), (_TRANSPORT, True), (_BUILDING, False)):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) is not None else 2
            start, end = _trimmed(text, match.start(group), match.end(group), named)
            found.append(_Mention(start, end, named))
    unique: dict[tuple[int, int], _Mention] = {}
    for mention in found:  # a span found as a name and as a building is a name
        if not unique.get((mention.start, mention.end), _Mention(0, 0, False)).named:
            unique[(mention.start, mention.end)] = mention
    return sorted(unique.values(), key=lambda m: (m.start, -m.end))


def _joined(between: str) -> bool:
    """Two place mentions are one place when only a linking word lies between ("embassy on Curzon St")."""
    words = between.lower().replace(",", " , ").split()
    return not words or (len(words) <= 2 and words[0] in _PLACE_LINKS)


def _trimmed(text: str, start: int, end: int, named: bool) -> tuple[int, int]:
    """A street match without the ordinary words before its name ("down the mount street"); a
    "street" named only by ordinary words ("the street") is no name at all."""
    words = text[start:end].split(" ")
    while named and len(words) > 2 and words[0].lower() in _NOT_A_NAME:
        start += len(words[0]) + 1
        words = words[1:]
    if named and len(words) == 2 and words[0].lower() in _NOT_A_NAME:
        return start, start
    return start, end
