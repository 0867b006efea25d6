"""Where it was, in another language: an embassy named in the language ("l'ambasciata americana",
"ambasada Rosji", "美国大使馆"; `embassy` and `countries` in languages/<code>/account.yml: a
country word right before or after the embassy word, a few linking words between, names it), a
London place as written, or both said together. A place someone went to is not where it was.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reading import regex
from reading.account.language_place_phrases import PlacePhrase, phrases
from reading.account.language_text import UNSPACED, Text
from reading.account.language_words import Words
from reading.account.place_words import STREET
from reading.entities import extract_entities
from reading.language.text import normalise
from reading.places import place_by_id

MAX_LINKS = 3  # words between the embassy word and the country ("ambasciata degli Stati Uniti")
MAX_PLACE_GAP = 40  # characters between an embassy and a London place said as one ("... on Curzon Street")
_CLAUSE_END = regex.compile(r"[,.;:!?\n，。；！？،؛]")


def place_entities(text: str, language: str) -> list[dict[str, Any]]:
    """The London places and postcodes named in `text` (the gazetteer's names are the same in
    every language), with their offsets in `text`."""
    # Turkish endings after an apostrophe ("Trafalgar Square'de") and the Chinese around a London
    # name ("在Green Park地铁站") as spaces, the offsets unchanged.
    names = text.replace("'", " ").replace("’", " ") if language == "tr" else text
    if language in UNSPACED:
        names = "".join(c if c.isascii() else " " for c in text)
    return [e for e in extract_entities(names) if e["entity"] in ("place", "postcode")]


@dataclass(frozen=True)
class Where:
    words: str
    place: str | None  # the gazetteer's name of the place
    named: bool  # a London place, a postcode, a name or an embassy with its country
    stated: bool  # named, or said as where it was ("à la porte de l'ambassade"), not just "the embassy"


def location(read: Text, words: Words, text: str, entities: list[dict[str, Any]]) -> Where | None:
    """The place phrase said as where it was (reading/account/language_place_phrases.py), else an
    embassy named in the language, a London place, or both said together, as written."""
    embassy = _embassy(read, words)
    places = [e for e in entities if not _where_to(text, e["start"], e["end"], words)]
    phrase = _phrase(read, words, text, entities, embassy)
    if phrase is not None:
        inside = [e for e in places if e["start"] < phrase.end and e["end"] > phrase.start]
        place = None
        if embassy is not None and embassy[0][0] < phrase.end and embassy[0][1] > phrase.start:
            found = place_by_id(embassy[1])
            place = found.name if found else None
        place = place or next((e["value"] for e in inside if e["entity"] == "place"), None)
        said = text[phrase.start : phrase.end].strip(" ,.")
        stated = phrase.named or (phrase.said_at and phrase.nouns >= 2)
        return Where(said, place, phrase.named, stated)
    if embassy is None:
        if not places:
            return None
        first = places[0]
        value = first["value"] if first["entity"] == "place" else None
        return Where(text[first["start"] : first["end"]], value, True, True)
    (start, end), place_id = embassy
    found = place_by_id(place_id)
    for entity in places:
        between = text[end : entity["start"]] if entity["start"] >= end else text[entity["end"] : start]
        if len(between) <= MAX_PLACE_GAP and not _CLAUSE_END.search(between):
            start, end = min(start, entity["start"]), max(end, entity["end"])
            break
    return Where(text[start:end], found.name if found else None, True, True)


def _phrase(
    read: Text,
    words: Words,
    text: str,
    entities: list[dict[str, Any]],
    embassy: tuple[tuple[int, int], str] | None,
) -> PlacePhrase | None:
    """The place phrase to report: named before unnamed, said as where it was before only
    mentioned, then the earliest; never where someone went."""
    named = [(e["start"], e["end"]) for e in entities] + ([embassy[0]] if embassy else [])
    # streets and stations the gazetteer does not know ("Kilburn High Road"), written in English
    named += [match.span(1 if match.group(1) is not None else 2) for match in STREET.finditer(text)]
    if not read.spaced:
        return _by_pattern(read, words, text, named)
    if not words.places:
        return None
    found = [
        phrase
        for phrase in phrases(read, words.places, named, functools.partial(_stops, read.tokens(), words))
        if not _where_to(text, phrase.start, phrase.end, words)
    ]
    if not found:
        return None
    return max(found, key=lambda p: (2 * p.named + p.said_at, -p.start))


def _stops(tokens: list[str], words: Words, index: int) -> bool:
    """A word that ends a description (a verb, "que", a gerund) ends a place phrase too."""
    ending = words.stop_ending
    return bool(
        words.people["stop"].at(tokens, index) or (ending is not None and ending.search(tokens[index]))
    )


def _by_pattern(read: Text, words: Words, text: str, named: list[tuple[int, int]]) -> PlacePhrase | None:
    """Chinese: the places the language's `location` patterns find (group `d`, else the match),
    those side by side as one ("中国大使馆Portland Place"), a named one first, then the first said."""
    found = []
    for pattern in words.patterns.get("location", []):
        for match in pattern.finditer(read.joined):
            group = pattern.groupindex["d"] if "d" in pattern.groupindex and match.group("d") else 0
            start, end = read.written(match.start(group), match.end(group))
            if end <= start or _where_to(text, start, end, words, spaced=False):
                continue
            is_named = any(s < end and e > start for s, e in named)
            found.append(PlacePhrase(start, end, is_named, True, 2))
    joined: list[PlacePhrase] = []
    for phrase in sorted(found, key=lambda p: (p.start, -p.end)):
        if joined and phrase.start <= joined[-1].end:
            last = joined[-1]
            joined[-1] = PlacePhrase(
                last.start, max(last.end, phrase.end), last.named or phrase.named, True, 2
            )
        else:
            joined.append(phrase)
    return max(joined, key=lambda p: (p.named, -p.start), default=None)


def _where_to(text: str, start: int, end: int, words: Words, spaced: bool = True) -> bool:
    """The place is where someone went ("verso Hyde Park", "Park Lane'e doğru", "往Regent's Park");
    without spaces, the two characters on either side ("往…方向")."""
    if not spaced:
        return words.towards.search(text[max(0, start - 2) : start] + " | " + text[end : end + 2])
    before, after = (
        normalise(text[max(0, start - 30) : start]).split(),
        normalise(text[end : end + 20]).split(),
    )
    return words.towards.search(" ".join(before[-3:] + ["|"] + after[:2]))


def _embassy(read: Text, words: Words) -> tuple[tuple[int, int], str] | None:
    if words.embassy is None:
        return None
    joined = read.joined
    for match in words.embassy.finditer(joined):
        start, end = match.start(), match.end()
        for place_id, pattern in words.countries:
            if pattern is None:
                continue
            before = joined[max(0, start - 40) : start + 1]
            after = joined[max(0, end - 1) : end + 60]
            hit = _near(pattern, after, False, read.spaced) or _near(pattern, before, True, read.spaced)
            if hit is not None:
                offset = max(0, end - 1) if hit[2] else max(0, start - 40)
                lo, hi = min(start, offset + hit[0]), max(end, offset + hit[1])
                return read.written(lo, hi), place_id
    return None


def _near(pattern: Any, window: str, reverse: bool, spaced: bool) -> tuple[int, int, bool] | None:
    """The country in `window` with at most MAX_LINKS words (unspaced: characters) between it and
    the embassy word."""
    for match in pattern.finditer(window):
        between = window[match.end() :] if reverse else window[: match.start()]
        links = len(between.split()) if spaced else len(between) - 1
        if links <= MAX_LINKS and len(between.strip()) <= 30:
            return match.start(), match.end(), not reverse
    return None
