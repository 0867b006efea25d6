"""Who was seen, read in another language, as written: "un hombre con gorra roja", "شاب بجاكيت
أزرق", "লাল জ্যাকেট পরা একজন লোক", "一个穿灰色卫衣的年轻男子" (their vehicle and where they went:
reading/account/language_vehicle.py).

Token rules over the language's words (reading/account/language_words.py): a person noun with
the words before it that are theirs (an article, a number, an adjective, a description ending in
a "wearing" word) and the description after it (a linking word such as "con"/"avec"/"w", or
adjectives), while it says what they wore or held. Chinese, without spaces, is read by the
patterns in its account.yml. Whatever is not stated
stays None, so the form asks for it. Linear in the text.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from reading.account.language_text import Text
from reading.account.language_words import Words

DESCRIPTION_WORDS = 8  # "de unos 40 años con chaqueta verde y gorra negra"
BEFORE_WORDS = 4  # "siyah montlu bir adam", "elinde bıçakla bir adam"
WORN_LOOKAHEAD = 3  # "de unos 40 años", "w czarnej kurtce"
WORN_REACH = 6  # "একজন লোক, কালো জ্যাকেট আর চশমা পরা": the worn word after the person


class Said(NamedTuple):
    """Words as written, and whether they describe (a person: more than "a man"; a vehicle: a
    colour, a make or a plate)."""

    words: str
    described: bool


def by_pattern(read: Text, words: Words, field: str) -> Said | None:
    """The first match of the language's patterns for `field`, as written."""
    for pattern in words.patterns.get(field, []):
        match = pattern.search(read.joined)
        if match is None:
            continue
        start, end = read.written(match.start(), match.end())
        if end > start:
            described = "d" in pattern.groupindex and bool(match.group("d"))
            return Said(read.original[start:end].strip(), described)
    return None


def people(read: Text, words: Words, places: list[dict[str, Any]]) -> Said | None:
    """The person seen: described ones before bare ones, then the first named; a vague one
    ("someone", the people around) only when nobody else is."""
    if words.patterns.get("people"):
        return by_pattern(read, words, "people")
    tokens, lists = read.tokens(), words.people
    at_places = {
        index
        for index, (_, start, _) in enumerate(read.spans)
        if any(p["start"] <= start < p["end"] for p in places)
    }
    mentions: list[tuple[bool, bool, str, int]] = []  # (vague, described, words, first token)
    index = 0
    while index < len(tokens):
        size = lists["nouns"].at(tokens, index)
        if not size or lists["not"].at(tokens, index):
            index += 1
            continue
        start, before_described = _before(read, tokens, words, index, at_places)
        end, after_described = _after(read, tokens, words, index + size, at_places)
        # "واحد" is a person, though it holds "احد" (someone) after the prefix "و"
        vague = lists["vague"].at(tokens, index) >= size and tokens[index] not in words.person_words
        while mentions and mentions[-1][3] >= start:
            mentions.pop()  # "şapkalı genç bir adam": "genç" was the start of this one
        said = read.words_as_written(start, end - 1)
        mentions.append((vague, before_described or after_described, said, start))
        index = max(end, index + size)
    named = [m for m in mentions if not m[0]] or mentions
    if not named:
        return None
    chosen = ([m for m in named if m[1]] or named)[0]
    return Said(chosen[2], chosen[1])


def _is_attribute(tokens: list[str], index: int, words: Words) -> bool:
    ending = words.attribute_ending
    token = tokens[index]
    return bool(words.people["attributes"].at(tokens, index)) or (
        ending is not None and len(token) > 4 and ending.search(token) is not None
    )


def _loose_end(token: str, tokens: list[str], index: int, words: Words) -> bool:
    """A word a description does not end on: an article, a linking word, a short joining word."""
    lists = words.people
    short = len(token) <= 2 and not token.isdigit()
    return short or bool(lists["before"].at(tokens, index) or lists["after"].at(tokens, index))


def _worn_soon(read: Text, tokens: list[str], words: Words, start: int) -> bool:
    """Something worn or held, or how they looked, within the next few words of the clause."""
    for index in range(start, min(len(tokens), start + WORN_LOOKAHEAD)):
        if read.breaks_between(index - 1, index):
            return False
        if _is_attribute(tokens, index, words):
            return True
    return False


def _stops(tokens: list[str], index: int, words: Words) -> bool:
    ending = words.stop_ending
    return bool(words.people["stop"].at(tokens, index)) or (
        ending is not None and ending.search(tokens[index]) is not None
    )


def _before(read: Text, tokens: list[str], words: Words, noun: int, at_places: set[int]) -> tuple[int, bool]:
    """Where the words about the person start, before the noun, and whether they describe."""
    lists = words.people
    start, described = noun, False
    while start > 0 and noun - start < BEFORE_WORDS and not read.breaks_between(start - 1, start):
        previous = start - 1
        if lists["worn"].at(tokens, previous):
            start, described = previous, True
            while (
                start > 0
                and previous - start < BEFORE_WORDS
                and not read.breaks_between(start - 1, start)
                and not _stops(tokens, start - 1, words)
                and start - 1 not in at_places
                and not has_digit(tokens[start - 1])  # "৬টার দিকে": a time, not what they wore
            ):
                start -= 1
            break
        if _is_attribute(tokens, previous, words):
            start, described = previous, True
        elif lists["before"].at(tokens, previous) or (tokens[previous].isdigit() and previous == noun - 1):
            start = previous  # "dos", "3 types"; not "le 22 un uomo": a time
        else:
            break
    return start, described


def _after(read: Text, tokens: list[str], words: Words, end: int, at_places: set[int]) -> tuple[int, bool]:
    """Where the words about the person end (exclusive), after the noun, and whether they describe."""
    lists = words.people
    described = False
    open_for_a_word = False  # after "con", "una": the next word may be one not listed ("casco")
    position = end
    while position < len(tokens) and position - end < DESCRIPTION_WORDS:
        if (
            read.breaks_between(position - 1, position)
            or _stops(tokens, position, words)
            or position in at_places
        ):
            break
        token = tokens[position]
        if lists["worn"].at(tokens, position):  # "ছুরি নিয়ে": what they held or wore ends there
            position, described = position + 1, True
            break
        if lists["nouns"].at(tokens, position) and not _is_attribute(tokens, position, words):
            break  # another person
        weak = bool(lists["wearing"].at(tokens, position) or lists["before"].at(tokens, position))
        if lists["after"].at(tokens, position):
            described = open_for_a_word = True  # "con gorra roja", "لابس جاكيت": what follows describes them
        elif weak or len(token) <= 2 or token.isdigit():
            # "una", "y", "40" after "con"; "en cagoule", "w czarnej kurtce", not "w metrze"
            if not open_for_a_word and not _worn_soon(read, tokens, words, position + 1):
                break
            open_for_a_word = True
        elif _is_attribute(tokens, position, words):
            described, open_for_a_word = True, False
        elif open_for_a_word:
            open_for_a_word = False  # "survêtement", "hoodie": the thing they wore, then its colour
        else:
            break  # "fotografiaba": what they did is not what they looked like
        position += 1
    while (
        position > end + 1
        and not lists["worn"].at(tokens, position - 1)
        and _loose_end(tokens[position - 1], tokens, position - 1, words)
    ):
        position -= 1  # "con chaqueta verde y": not the "y"
    if described or position != end or position >= len(tokens) or not read.breaks_between(end - 1, end):
        return position, described
    if _sentence_ends(read, end - 1, end):
        return position, described
    if lists["one"].at(tokens, end):  # "dos hombres, uno con chaqueta verde": one of them described
        more, one_described = _after(read, tokens, words, end + lists["one"].at(tokens, end), at_places)
        return (more, True) if one_described else (position, described)
    # "একজন লোক, কালো জ্যাকেট আর চশমা পরা": what they wore, said after a comma
    for worn in range(end, min(len(tokens), end + WORN_REACH)):
        if _sentence_ends(read, worn - 1, worn):
            break
        if lists["worn"].at(tokens, worn):
            if any(_is_attribute(tokens, index, words) for index in range(end, worn)):
                return worn + 1, True
            break
    return position, described


def _sentence_ends(read: Text, first: int, second: int) -> bool:
    between = read.original[read.spans[first][2] : read.spans[second][1]]
    return any(mark in between for mark in ".!?。！？।")


def has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)
