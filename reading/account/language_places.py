"""Where it was, in another language: an embassy named in the language ("l'ambasciata americana",
"ambasada Rosji", "美国大使馆"; `embassy` and `countries` in languages/<code>/account.yml: a
country word right before or after the embassy word, a few linking words between, names it), a
London place as written, or both said together. A place someone went to is not where it was.
"""

from __future__ import annotations

from typing import Any

from reading import regex
from reading.account.language_text import UNSPACED, Text
from reading.account.language_words import Words
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


def location(
    read: Text, words: Words, text: str, entities: list[dict[str, Any]]
) -> tuple[str | None, str | None]:
    """An embassy named in the language, a London place, or both said together, as written."""
    embassy = _embassy(read, words)
    places = [e for e in entities if not _where_to(text, e["start"], e["end"], words)]
    if embassy is None:
        if not places:
            return None, None
        first = places[0]
        return text[first["start"] : first["end"]], first["value"] if first["entity"] == "place" else None
    (start, end), place_id = embassy
    found = place_by_id(place_id)
    for entity in places:
        between = text[end : entity["start"]] if entity["start"] >= end else text[entity["end"] : start]
        if len(between) <= MAX_PLACE_GAP and not _CLAUSE_END.search(between):
            start, end = min(start, entity["start"]), max(end, entity["end"])
            break
    return text[start:end], found.name if found else None


def _where_to(text: str, start: int, end: int, words: Words) -> bool:
    """The place is where someone went ("verso Hyde Park", "Park Lane'e doğru", "往Regent's Park")."""
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
