"""The people's vehicle in an account, in the person's words ("a black BMW", "white transit van",
"a van with no plates"), whether it is theirs, and its registration."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from reading import regex
from reading.account import words
from reading.account.place_words import STREET_NAMES
from reading.account.spoken_plate import spoken_plate
from reading.entities import extract_entities
from reading.plate_text import partial_plate


def said_vehicle(doc: Doc) -> Span | None:
    """The words for the vehicle ("a black BMW", "white transit van"), the most specific one named."""
    parts = {token.i for label in ("make", "vehicle") for span in words.found(doc, label) for token in span}
    makes = {token.i for span in words.found(doc, "make") for token in span}
    colours = {token.i for span in words.found(doc, "colour") for token in span}
    colours |= {token.i for span in words.found(doc, "vehicle_look") for token in span}
    features = {span.start: span.end for span in words.found(doc, "vehicle_feature")}
    # "bus station", "car park": a vehicle word that names something else
    other = {i for i in parts if doc[i].lower_ in words.NOT_A_VEHICLE_AFTER.get(_next(doc, i), ())}
    spans: list[Span] = []
    index = 0
    while index < len(doc):
        if index not in parts or index in other or _a_road(doc, index):
            index += 1
            continue
        start, end = index, index + 1
        while start > 0 and (start - 1 in colours or start - 1 in parts):
            start -= 1
        while end < len(doc) and (end in parts or end in colours) and end not in other:
            end += 1
        if (end in other or _a_place_word(doc, end)) and all(i in makes for i in range(start, end)):
            index = end + 1  # "vauxhall bus station", "Vauxhall Bridge Road": a place named like a make
            continue
        if start > 0 and doc[start - 1].lower_ in words.NOT_THEIRS_BEFORE:
            index = end  # "my bike", "a police car": not the people's
            continue
        if start > 0 and doc[start - 1].lower_ in {"a", "an", "the"}:
            start -= 1
        if start > 1 and doc[start - 1].like_num and doc[start - 2].lower_ == "number":
            start -= 2  # "a number 11 bus"
            if start > 0 and doc[start - 1].lower_ in {"a", "an", "the"}:
                start -= 1
        if (
            end < len(doc) and doc[end].lower_ == "with" and doc[start].lower_ in ("a", "an")
        ):  # "a van with no plates"
            end = _with_what(doc, end + 1)
        end = _marks_end(doc, end, features)
        spans.append(doc[start:end])
        index = end
    if not spans:
        return None
    specific = [span for span in spans if any(token.i in makes for token in span)]
    coloured = [span for span in spans if any(token.i in colours for token in span)]
    return (specific or coloured or spans)[0]


def _with_what(doc: Doc, start: int) -> int:
    """Where "with …" about a vehicle ends: before where it was or what it did ("a van with no
    plates parked outside the embassy", "a car with tinted windows on the corner")."""
    end = words.described_until(doc, start, set())
    return next((i for i in range(start + 1, end) if doc[i].lower_ in words.PLACED_BY), end)


_MARKS_REACH = 4  # "with no front plate", "no company name on it": the mark within a few words
_NOT_MARKED = frozenset({"no", "without", "with"})


def _marks_end(doc: Doc, end: int, features: dict[int, int]) -> int:
    """Where the marks a vehicle is told by end: "White Transit with blacked-out windows", "van no
    number plates", "Range Rover, no front plate, tinted windows": each a few words ending in a part
    or a mark of it, after "with", "no" or a comma."""
    while end < len(doc):
        index = end + 1 if doc[end].text == "," else end
        if index >= len(doc):
            break
        plain = doc[index].lower_ not in _NOT_MARKED  # ", tinted windows": a mark named without "no"
        if plain and index == end:
            break
        until = min(len(doc), index + _MARKS_REACH + 1)
        mark = next(
            (features[i] for i in range(index, until) if i in features and (i > index or not plain)),
            None,
        )
        between = range(index, until if mark is None else mark)
        if mark is None or any(_breaks(doc, i) for i in between):
            break
        end = mark
    return end


def _breaks(doc: Doc, index: int) -> bool:
    """A word that ends what is told of the vehicle: punctuation, "and", "then", where it was."""
    word = doc[index].lower_
    if word in _NOT_MARKED:
        return False
    punct = doc[index].is_punct and not words.in_a_word(doc, index)
    return punct or word in words.CLAUSE_END or word in words.PLACED_BY


def _next(doc: Doc, index: int) -> str:
    return doc[index + 1].lower_ if index + 1 < len(doc) else ""


_ROAD = regex.compile(r"^[AaMm]\d{1,4}$")
_PLACE_AFTER_A_MAKE = regex.compile(r"(?i)^(?:" + STREET_NAMES + r"|cross|station|junction|city)$")


def _a_place_word(doc: Doc, index: int) -> bool:
    """ "Vauxhall Bridge", "Vauxhall Cross": the word after a make names a place."""
    return index < len(doc) and bool(_PLACE_AFTER_A_MAKE.match(doc[index].text))


def _a_road(doc: Doc, index: int) -> bool:
    """ "on the A4", "off the M25": a road, not an Audi A4."""
    return bool(_ROAD.match(doc[index].text)) and index > 0 and doc[index - 1].lower_ == "the"


# A plate written with spaces inside ("LD 68 XRT"), after a word that says it is the plate.
_SPACED_PLATE = regex.compile(
    r"(?i)\b(?:reg|registration|plate|number ?plate|number)\b(?: (?:was|is|number|no|:|=))* ?"
    r"([A-Z]{2}) ?([0-9]{2}) ([A-Z]{3})\b"
)


def unspaced_plate(text: str) -> str | None:
    """A plate the entity rules miss: spaced out, the part of one they saw ("started RA21"), or read
    out character by character ("reg is l a 2 0 b v k")."""
    match = _SPACED_PLATE.search(text)
    if match is not None:
        return "".join(match.groups()).upper()
    part = partial_plate(text)
    return part.characters if part is not None else spoken_plate(text)


def plate(text: str) -> str | None:
    """The registration `text` gives, normalised (the same in every language)."""
    found = (e["value"] for e in extract_entities(text) if e["entity"] == "vehicle_registration")
    return next(found, None) or unspaced_plate(text)


def theirs(doc: Doc, vehicle: Span | None) -> bool:
    """The vehicle is the people's: named by colour or make ("a black BMW"), or brought in as one
    ("a car", "a moped"), not a bus or train they may have taken, nor someone else's ("his car")."""
    if vehicle is None:
        return False
    described = {
        token.i for label in ("make", "colour") for span in words.found(doc, label) for token in span
    }
    if any(token.i in described for token in vehicle):
        return True
    return vehicle[0].lower_ in ("a", "an") and vehicle[-1].lower_ not in words.PUBLIC_TRANSPORT
