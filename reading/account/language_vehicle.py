"""Their vehicle and where they went, read in another language, as written: "una moto Honda negra",
"سيارة مرسيدس رمادية", "gri bir Vauxhall Astra", "hacia Hyde Park", "Grosvenor Place'e doğru",
"往Regent's Park方向".

A vehicle word or make with the colours, makes and articles on either side (a make inside a London
place name, "verso Vauxhall", is the place); a "towards" word with the London place after it, or a
few words when none is named ("باتجاه المحطة"), or before it for the languages that put it after
("Hyde Park'a doğru", "Cromwell Road এর দিকে"); "vers 23h", "৬টার দিকে" are times. Chinese is read by
the patterns in its account.yml. Linear in the text.
"""

from __future__ import annotations

from typing import Any

from reading.account.language_people import Said, by_pattern, has_digit
from reading.account.language_text import Text
from reading.account.language_words import Words

PLACE_WORDS = 3  # a "towards" with no London place named: "باتجاه المحطة", "vers la gare"
NEAR_PLACE = 4  # characters between a "towards" word and the place ("Place'e doğru")


def vehicle(read: Text, words: Words, registration: str | None, places: list[dict[str, Any]]) -> Said | None:
    """Their vehicle: the one with a make first, then one with a colour, then the first named."""
    found = (
        by_pattern(read, words, "vehicle")
        if words.patterns.get("vehicle")
        else _vehicles(read, words, places)
    )
    if found is None:
        return Said(registration, True) if registration else None
    return Said(found.words, found.described or registration is not None)


def _vehicles(read: Text, words: Words, places: list[dict[str, Any]]) -> Said | None:
    tokens, lists = read.tokens(), words.vehicle
    at_places = {
        i for i, (_, start, _) in enumerate(read.spans) if any(p["start"] <= start < p["end"] for p in places)
    }
    spans: list[tuple[int, bool, bool, str]] = []  # (start, has a make, has a colour, words)
    index = 0
    while index < len(tokens):
        size = lists["nouns"].at(tokens, index) or _make(tokens, index, words)
        if not size or index in at_places:  # "verso Vauxhall": the place
            index += 1
            continue
        start, end = index, index + size
        while end < len(tokens) and not read.breaks_between(end - 1, end):
            more = (
                lists["colours"].at(tokens, end)
                or _make(tokens, end, words)
                or lists["nouns"].at(tokens, end)
            )
            if not more:
                break
            end += more
        while start > 0 and index - start < 3 and not read.breaks_between(start - 1, start):
            if not (
                any(lists[k].at(tokens, start - 1) for k in ("colours", "nouns", "before"))
                or _make(tokens, start - 1, words)
            ):
                break
            start -= 1
        inside = range(start, end)
        has_make = any(_make(tokens, i, words) for i in inside)
        has_colour = any(lists["colours"].at(tokens, i) for i in inside)
        spans.append((start, has_make, has_colour, read.words_as_written(start, end - 1)))
        index = end
    if not spans:
        return None
    chosen = ([s for s in spans if s[1]] or [s for s in spans if s[2]] or spans)[0]
    return Said(chosen[3], chosen[1] or chosen[2])


def _make(tokens: list[str], index: int, words: Words) -> int:
    return words.vehicle["makes"].at(tokens, index) or words.vehicle["english_makes"].at(tokens, index)


def direction(read: Text, words: Words, places: list[dict[str, Any]]) -> str | None:
    """Where they went: a "towards" word and the place after it (before it for a postposition)."""
    if words.patterns.get("direction"):
        found = by_pattern(read, words, "direction")
        return found.words if found else None
    tokens, text = read.tokens(), read.original
    for index in range(len(tokens)):
        size = words.to_a_place.at(tokens, index)
        if size:  # "pra Lea Bridge Road": only with the place
            end = read.spans[index + size - 1][2]
            place = next((p for p in places if 0 <= p["start"] - end <= NEAR_PLACE), None)
            if place is not None:
                return text[read.spans[index][1] : place["end"]]
        size = words.towards_before.at(tokens, index)
        if size:
            start, end = read.spans[index][1], read.spans[index + size - 1][2]
            place = next((p for p in places if 0 <= p["start"] - end <= NEAR_PLACE), None)
            if place is not None:
                return text[start : place["end"]]
            last = index + size - 1
            while last + 1 < len(tokens) and last - index < size - 1 + PLACE_WORDS:
                if read.breaks_between(last, last + 1) or words.people["stop"].at(tokens, last + 1):
                    break
                if last >= index + size and len(tokens[last + 1]) <= 2:
                    break  # "spre Streatham e o...": the place, not what follows it
                last += 1
            said = tokens[index + size : last + 1]
            window = tokens[index + size : index + size + PLACE_WORDS]
            if said and not any(has_digit(token) for token in window):  # "vers 23h", "verso le 8": a time
                return read.words_as_written(index, last)
        size = words.towards_after.at(tokens, index)
        if size and index > 0:
            start, end = read.spans[index][1], read.spans[index + size - 1][2]
            place = next((p for p in places if 0 <= start - p["end"] <= NEAR_PLACE + 3), None)
            if place is not None:
                return text[place["start"] : end]
            first, counted = index, 0
            while (
                first > 0
                and counted < 2
                and not read.breaks_between(first - 1, first)
                and not words.people["stop"].at(tokens, first - 1)
            ):
                first -= 1
                counted += len(tokens[first]) > 2  # "Regent's Park": the "s" is no word of its own
            if first < index and not any(has_digit(token) for token in tokens[first:index]):  # "৬টার দিকে"
                return read.words_as_written(first, index + size - 1)
    return None
