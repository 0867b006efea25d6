"""A whole account in one of the other languages, read into the same `Account` as an English one:
where (London places as written, and embassies named in the language: "l'ambasciata americana",
"ambasada Rosji", "美国大使馆"), when (a time phrase, read by `read_when` in the language), whether
it is still going on, and the kind of behaviour.

The words are in `languages/<code>/account.yml`:
- `embassy`: the words for an embassy (or high commission);
- `countries`: gazetteer place id -> the country's names and adjectives in the language; a
  country word right before or after the embassy word (a few linking words between) names it;
- `when`: time patterns (RE2 over the normalised text: lower case, no accents, words separated
  by single spaces); a pattern's first group (`n`) with `read_as` ("{n} fa") reads "da mezz'ora" as
  "mezz'ora fa", and `since: true` marks it as still going on; the words stored are the person's,
  as written. A day, a part of the day and a clock time (`days`, `parts`) are read in English;
- `still`, `gone`, `now` (and `happening`, RE2 patterns of a verb in the present continuous,
  "está empujando"): still there / left, over / happening now ("there is a man"), in that order (still there wins, for safety; "now" said of it being over does not);
- `categories`: category -> phrases (phrases.py matching: stems take endings).
Every field is read only when the text states it; the rest stays None, so the form asks for it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reading import regex
from reading.account.language_times import DAY_OR_PART, in_english
from reading.account.reader import MAX_CHARS, Account, read_account
from reading.account.words import long_ago
from reading.entities import extract_entities
from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.data import language_file, strings
from reading.language.phrases import PhraseList
from reading.language.text import normalise
from reading.places import place_by_id
from reading.when import read_when

_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_UNSPACED = frozenset({"zh"})  # written without spaces: phrases match anywhere
MAX_LINKS = 3  # words between the embassy word and the country ("ambasciata degli Stati Uniti")
MAX_PLACE_GAP = 40  # characters between an embassy and a London place said as one ("... on Curzon Street")
_CATEGORY_ORDER = ("unattended_item", "testing_security", "eliciting_information", "surveillance")


@dataclass(frozen=True)
class _Text:
    """The normalised words of a text, each with its span in the text as written."""

    original: str
    joined: str
    spans: list[tuple[int, int, int]]  # (start in joined, start in original, end in original)
    spaced: bool = True

    def written(self, start: int, end: int) -> tuple[int, int]:
        """The span as written of the normalised span [start, end)."""
        inside = [(o_start, o_end) for j_start, o_start, o_end in self.spans if start <= j_start < end]
        if not inside:
            return (0, 0)
        return inside[0][0], inside[-1][1]


def _words(text: str, language: str) -> _Text:
    if language in _UNSPACED:
        lowered = "".join((c.casefold() or c)[0] for c in text)  # one character for one
        return _Text(text, lowered, [(i, i, i + 1) for i in range(len(text))], spaced=False)
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    for match in _WORD.finditer(text):
        word = normalise(match.group(0))
        if not word:
            continue
        spans.append((position, match.start(), match.end()))
        parts.append(word)
        position += len(word) + 1
    return _Text(text, " ".join(parts), spans)


@dataclass(frozen=True)
class _Words:
    embassy: Any
    countries: list[tuple[str, Any]]
    when: list[tuple[Any, str, bool]]
    still: PhraseList
    gone: PhraseList
    now: PhraseList
    happening: list[Any]
    categories: dict[str, PhraseList]
    days: dict[str, PhraseList]
    towards: PhraseList
    parts: dict[str, PhraseList]


def _alternation(phrases: list[str], language: str) -> Any:
    """Phrases found at word starts, a word of 4+ letters with an ending (as phrases.py)."""
    alternatives = []
    for phrase in sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True):
        if language in _UNSPACED:
            alternatives.append(regex.escape(phrase).replace("\\ ", ""))
            continue
        ending = "[^ ]*" if language == "tr" else "[^ ]{0,4}"
        prefix = "(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?" if language == "ar" else ""
        words = [regex.escape(w) + (ending if len(w) >= 4 else "") for w in phrase.split()]
        alternatives.append(f"(?:^| ){prefix}" + " ".join(words) + "(?: |$)")
    return regex.compile("|".join(alternatives)) if alternatives else None


@functools.cache
def _language_words(language: str) -> _Words | None:
    data = language_file(language, "account")
    if not data:
        return None
    when = []
    for entry in data.get("when") or []:
        if isinstance(entry, str):
            entry = {"pattern": entry}
        when.append((regex.compile(entry["pattern"]), entry.get("read_as", ""), bool(entry.get("since"))))
    return _Words(
        embassy=_alternation(list(data.get("embassy") or []), language),
        countries=[
            (place_id, _alternation(list(names), language))
            for place_id, names in (data.get("countries") or {}).items()
        ],
        when=when,
        still=PhraseList(data.get("still") or [], language),
        # it is over ("c'est fini maintenant", "现在没事了"): danger.yml's all-clear phrases too
        gone=PhraseList(
            strings(data.get("gone")) + strings(language_file(language, "danger").get("all_clear")), language
        ),
        now=PhraseList(data.get("now") or [], language),
        happening=[regex.compile(pattern) for pattern in data.get("happening") or []],
        categories={
            key: PhraseList(phrases, language) for key, phrases in (data.get("categories") or {}).items()
        },
        towards=PhraseList(data.get("towards") or [], language),
        days={key: PhraseList(phrases, language) for key, phrases in (data.get("days") or {}).items()},
        parts={key: PhraseList(phrases, language) for key, phrases in (data.get("parts") or {}).items()},
    )


def read_account_in(text: str | None, language: str | None, now: datetime | None = None) -> Account:
    """The report fields `text` states, read in `language` (English, or no known language: read_account)."""
    words = _language_words(language) if language in OTHER_LANGUAGES else None
    if language in (None, ENGLISH) or words is None or language is None:
        return read_account(text, now)
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return Account()
    read = _words(text, language)
    where, place = _location(read, words, text, language)
    when, when_iso, since = _when(read, words, language, now)
    ongoing, said = _ongoing(read.joined, words, when_iso, since, now)
    category = _category(read.joined, words)
    if category == "unattended_item" and ongoing == "no":
        ongoing, said = None, False  # whoever left it is gone; the item may not be
    return Account(
        location=where,
        location_named=where is not None,
        location_stated=where is not None,
        place=place,
        when=when,
        when_iso=when_iso,
        ongoing=ongoing,
        ongoing_said=said,
        category=category,
    )


def when_in(text: str, language: str, now: datetime | None = None) -> str | None:
    """The moment (ISO) of a time phrase in `text` ("ieri sera verso le 8", "da mezz'ora") that
    `read_when` alone does not read; None for English or when none is found."""
    words = _language_words(language) if language in OTHER_LANGUAGES else None
    if words is None or not text.strip():
        return None
    return _when(_words(text[:MAX_CHARS], language), words, language, now)[1]


def _location(read: _Text, words: _Words, text: str, language: str) -> tuple[str | None, str | None]:
    """An embassy named in the language, a London place, or both said together, as written."""
    embassy = _embassy(read, words)
    # Turkish endings after an apostrophe ("Trafalgar Square'de") and the Chinese around a London
    # name ("在Green Park地铁站") as spaces, the offsets unchanged.
    names = text.replace("'", " ").replace("’", " ") if language == "tr" else text
    if language in _UNSPACED:
        names = "".join(c if c.isascii() else " " for c in text)
    places = [
        e
        for e in extract_entities(names)
        if e["entity"] in ("place", "postcode") and not _where_to(text, e["start"], e["end"], words)
    ]
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


_CLAUSE_END = regex.compile(r"[,.;:!?\n，。；！？،؛]")


def _where_to(text: str, start: int, end: int, words: _Words) -> bool:
    """The place is where someone went ("verso Hyde Park", "Park Lane'e doğru", "往Regent's Park")."""
    before, after = (
        normalise(text[max(0, start - 30) : start]).split(),
        normalise(text[end : end + 20]).split(),
    )
    return words.towards.search(" ".join(before[-3:] + ["|"] + after[:2]))


def _embassy(read: _Text, words: _Words) -> tuple[tuple[int, int], str] | None:
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


def _when(
    read: _Text, words: _Words, language: str, now: datetime | None
) -> tuple[str | None, str | None, bool]:
    """The first time phrase the language's reading of times resolves: (as written, ISO, said as
    "for/since" a time, which means it is still going on)."""
    for pattern, read_as, since in words.when:
        for match in pattern.finditer(read.joined):
            start, end = read.written(match.start(), match.end())
            if end <= start:
                continue
            written = read.original[start:end]
            said = written
            if read_as and match.group(1):
                n_start, n_end = read.written(match.start(1), match.end(1))
                said = read_as.format(n=read.original[n_start:n_end])
            english = in_english(match.group(0), words.days, words.parts)
            moment = None
            if english and DAY_OR_PART.search(english):  # "ieri sera", not "20 minuti fa" as a clock
                moment = read_when(english, now).iso
            moment = moment or read_when(said, now, language=language).iso
            if moment is None and english:
                moment = read_when(english, now).iso
            if moment is not None:
                return written, moment, since
    return None, None, False


def _ongoing(
    joined: str, words: _Words, when_iso: str | None, since: bool, now: datetime | None
) -> tuple[str | None, bool]:
    """Yes when still there (that wins), no when they left, yes when told as happening now; else
    by the time."""
    if words.still.search(joined) or since:
        return "yes", True
    if words.gone.search(joined):
        return "no", True
    if words.now.search(joined) or any(pattern.search(joined) for pattern in words.happening):
        return "yes", True
    if when_iso is not None and long_ago(when_iso, now):
        return "no", False
    return None, False


def _category(joined: str, words: _Words) -> str | None:
    for key in _CATEGORY_ORDER:
        phrases = words.categories.get(key)
        if phrases and phrases.search(joined):
            return key
    return None
