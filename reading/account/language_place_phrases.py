"""The place phrase of an account in another language, as written: the place nouns, names and
London places said as one place ("la salida de la estación de Victoria", "przy ambasadzie na
Portland Place", "Whitechapel station er samne", "在维多利亚站出口"), with the words before it that
say where at it ("cerca de", "devant", "przy") and, in languages that put them after, the words
after it ("önünde", "এর সামনে").

The words are in `places` of languages/<code>/account.yml:
- `nouns`: place nouns (a stem takes endings, as the other lists): "estación", "salida", "acera";
  the embassy words are place nouns too;
- `links`: words between two place words of one place ("de", "del", "la", "al lado de");
- `at`: words before a place that only say "at" ("en", "w", "في"), not kept;
- `near`: words before a place that say where at it ("cerca de", "delante de", "przy"), kept;
- `after`: words after a place that say where at it ("önünde", "samne", "এর সামনে"), kept.
Chinese has no spaces: its `patterns: location` (RE2, a group `d` around the place) are used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reading.account.language_text import Lexicon, Text
from reading.language.data import strings

MAX_LINKS = 4  # link words between two place words of one place ("al lado de la")
MAX_BEFORE = 4  # words from a `near` or `at` word to the place ("cerca de la")
MAX_WORDS = 14  # a place phrase is a few words, whatever the text repeats
MAX_FILLERS = 2  # other words between two place words ("negozio di costumi a Soho", "sklepie budowlanym na")


@dataclass(frozen=True)
class PlacePhrase:
    start: int  # as written
    end: int
    named: bool  # a London place, a postcode, a name ("Primark") or an embassy with its country
    said_at: bool  # said with a word that places it ("en", "delante de", "önünde")
    nouns: int  # place words in it


@dataclass(frozen=True)
class PlaceLists:
    nouns: Lexicon
    links: Lexicon
    at: Lexicon
    near: Lexicon
    after: Lexicon
    name_ends: Lexicon

    def __bool__(self) -> bool:
        return bool(self.nouns)


def place_lists(data: dict[str, Any], embassy: list[str], language: str) -> PlaceLists:
    return PlaceLists(
        nouns=Lexicon(strings(data.get("nouns")) + strings(data.get("name_ends")) + embassy, language),
        links=Lexicon(strings(data.get("links")), language, stems=False),
        at=Lexicon(strings(data.get("at")), language, stems=False),
        near=Lexicon(strings(data.get("near")), language, stems=False),
        after=Lexicon(strings(data.get("after")), language, stems=False),
        name_ends=Lexicon(strings(data.get("name_ends")), language, stems=False),
    )


def phrases(
    read: Text,
    lists: PlaceLists,
    named_spans: list[tuple[int, int]],
    stop: Callable[[int], bool] | None = None,
) -> list[PlacePhrase]:
    """Every place phrase of a spaced text; `named_spans`: London places, postcodes and embassies
    with their country, as written; `stop(i)`: token i ends a phrase (a verb: "está", "que")."""
    tokens = read.tokens()
    if not tokens:
        return []
    named = _named_tokens(read, named_spans)
    found: list[PlacePhrase] = []
    index = 0
    while index < len(tokens):
        size = _anchor(read, tokens, lists, named, index)
        if not size:
            index += 1
            continue
        first, last, nouns = (
            _name_start(read, tokens, lists, index),
            index + size - 1,
            int(index not in named),
        )
        while True:
            if last - index >= MAX_WORDS:
                break
            following = _next_anchor(read, tokens, lists, named, last, stop or (lambda _: False))
            if following is None:
                break
            start, size = following
            last, nouns = start + size - 1, nouns + int(start not in named)
        said_at = False
        before = _before(read, tokens, lists, first)
        if before is not None:
            first, said_at = before
        size = lists.after.at(tokens, last + 1) if last + 1 < len(tokens) else 0
        if size and not read.breaks_between(last, last + 1):
            last, said_at = last + size, True
        is_named = any(i in named or _a_name(read, i) for i in range(first, last + 1))
        found.append(PlacePhrase(read.spans[first][1], read.spans[last][2], is_named, said_at, nouns))
        index = last + 1
    return found


def _name_start(read: Text, tokens: list[str], lists: PlaceLists, index: int) -> int:
    """The first token of a place starting at `index`: the word before a name's last word
    ("بيكر" of "بيكر ستريت"), unless it is a word that places or links."""
    before = index - 1
    if before < 0 or not lists.name_ends.at(tokens, index) or read.breaks_between(before, index):
        return index
    placing = (lists.nouns, lists.links, lists.at, lists.near)
    return index if any(lexicon.at(tokens, before) for lexicon in placing) else before


def _named_tokens(read: Text, spans: list[tuple[int, int]]) -> set[int]:
    return {
        index
        for index, (_, start, end) in enumerate(read.spans)
        if any(s <= start < e or s < end <= e for s, e in spans)
    }


def _anchor(read: Text, tokens: list[str], lists: PlaceLists, named: set[int], index: int) -> int:
    """How many tokens from `index` a place word or a named place covers (0: none)."""
    if index in named:
        end = index
        while end + 1 in named and not read.breaks_between(end, end + 1):
            end += 1
        return end - index + 1
    return lists.nouns.at(tokens, index)


def _next_anchor(
    read: Text, tokens: list[str], lists: PlaceLists, named: set[int], last: int, stop: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The next place word of the same place after token `last`: only link words between (and at
    most MAX_FILLERS words that describe, followed by a link word), or a name or number right after
    ("estación de Victoria", "bus 38", "station Gloucester Road")."""
    index, links, fillers = last + 1, 0, 0
    while index < len(tokens) and links <= MAX_LINKS and not read.breaks_between(index - 1, index):
        size = _anchor(read, tokens, lists, named, index)
        if size:
            return index, size
        if _a_name(read, index) or (links == 0 and tokens[index].isdigit() and len(tokens[index]) <= 3):
            return index, 1
        size = lists.links.at(tokens, index)
        if not size:
            if fillers >= MAX_FILLERS or stop(index) or any(c.isdigit() for c in tokens[index]):
                return None
            fillers += 1
            size = 1
        index, links = index + size, links + size
    return None


def _before(read: Text, tokens: list[str], lists: PlaceLists, first: int) -> tuple[int, bool] | None:
    """A `near` word before the place (kept, with the link words after it) or an `at` word (the
    link words after it kept): (the phrase's first token, said with it)."""
    for start in range(max(0, first - MAX_BEFORE), first):
        for lexicon, kept in ((lists.near, True), (lists.at, False)):
            size = lexicon.at(tokens, start)
            if not size or start + size > first:
                continue
            between = range(start + size, first)
            if any(read.breaks_between(i, i + 1) for i in range(start, first)):
                continue
            if all(lists.links.at(tokens, i) for i in between):
                return (start if kept else start + size), True
    return None


def _a_name(read: Text, index: int) -> bool:
    """A word written with a capital inside a sentence, in Latin letters ("Primark", "Selfridges")."""
    _, start, end = read.spans[index]
    word = read.original[start:end]
    if not (word[:1].isupper() and word[:1].isascii() and len(word) > 2) or word.isupper():
        return False
    before = read.original[:start].rstrip()
    return bool(before) and before[-1] not in ".!?¡¿\n"
