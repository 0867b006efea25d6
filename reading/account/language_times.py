"""A day, a part of the day and a clock time said in another language, said in English, so the
English rules of times (reading/when.py) resolve them: "ieri sera verso le 8" -> "yesterday at
20:00", "wczoraj wieczorem" -> "yesterday evening", "anteayer" -> "2 days ago", "九点" -> 9:00.
The day and part words are the language's (`days`, `parts` in languages/<code>/account.yml).

`read_time` finds the first time phrase of an account (`when`: RE2 patterns over the normalised
text; a pattern's first group (`n`) with `read_as` ("{n} fa") reads "da mezz'ora" as "mezz'ora
fa", and `since: true` marks it as still going on); the words stored are the person's, as written.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reading import regex
from reading.language.phrases import PhraseList
from reading.language.text import normalise
from reading.when import read_when

if TYPE_CHECKING:
    from reading.account.language_text import Text
    from reading.account.language_words import Words


def read_time(
    read: Text, words: Words, language: str, now: datetime | None
) -> tuple[str | None, str | None, bool]:
    """The first time phrase the language's reading of times resolves: (as written, ISO, said as
    "for/since" a time, which means it is still going on). The `when` patterns first, then the
    `times` phrases ("ahora mismo", "cette semaine", "sabahtan beri"), the one said first."""
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
            moment, after_since = _moment(match.group(0), said, words, language, now)
            if moment is not None:
                return written, moment, since or after_since
    return _said_time(read, words, now)


def _moment(
    matched: str, said: str, words: Words, language: str, now: datetime | None
) -> tuple[str | None, bool]:
    """The moment of a time phrase (ISO), and whether it was said after a "since" word."""
    english = in_english(matched, words.days, words.parts)
    moment = None
    if english and DAY_OR_PART.search(english):  # "ieri sera", not "20 minuti fa" as a clock
        moment = read_when(english, now).iso
    moment = moment or read_when(said, now, language=language).iso or read_when(said, now).iso
    if moment is None and english:
        moment = read_when(english, now).iso
    if moment is not None:
        return moment, False
    tokens = normalise(said).split()
    size = words.since_words.at(tokens, 0) if tokens else 0
    if size and len(tokens) > size:  # "desde hace media hora", "depuis deux jours": since that moment
        rest = said.split(maxsplit=size)[-1]
        moment = read_when(rest, now, language=language).iso or _since(rest, words, language, now)
        return moment, moment is not None
    return None, False


def _since(rest: str, words: Words, language: str, now: datetime | None) -> str | None:
    """ "deux jours" after "depuis": that long ago."""
    for ago in words.ago:
        moment = read_when(ago.format(n=rest), now, language=language).iso
        if moment is not None:
            return moment
    return None


def _said_time(read: Text, words: Words, now: datetime | None) -> tuple[str | None, str | None, bool]:
    """The first of the language's `times` phrases, read as the English time it says."""
    found: list[tuple[int, int, str, bool]] = []
    for pattern, english, since in words.times:
        match = pattern.search(read.joined) if pattern is not None else None
        if match is not None:
            found.append((match.start(), match.end(), english, since))
    for start, end, english, since in sorted(found):
        first, last = read.written(start, end)
        moment = read_when(english, now).iso
        if last > first and moment is not None:
            return read.original[first:last], moment, since
    return None, None, False


def in_english(phrase: str, days: dict[str, PhraseList], parts: dict[str, PhraseList]) -> str | None:
    """A day, a part of the day and a clock time said in the language ("ieri sera verso le 8",
    "wczoraj wieczorem", "dün akşam 8 gibi"), said in English for the English rules of times."""
    day = next((key for key in _DAYS if key in days and days[key].search(phrase)), None)
    part = next((key for key, found in parts.items() if found.search(phrase)), None)
    clock = _CLOCK.search(_han_clock(phrase.translate(_DIGITS)))
    if day is None and part is None and clock is None:
        return None
    at = ""
    if clock is not None:
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        if hour < 12 and (part in ("afternoon", "evening") or (part == "night" and hour >= 7)):
            hour += 12
        at = f"at {hour}:{minute:02d}" if hour > 12 or minute else f"at {hour}"
    elif day == "two_days_ago" and part is not None:
        at = f"at {_PART_HOURS[part]}:00"
    if day is None:
        return at or f"in the {part}"
    if at or part is None:
        return f"{_DAYS[day]} {at}".strip()
    return f"{_DAYS[day]} {part}" if day == "yesterday" else _THIS[part]


DAY_OR_PART = regex.compile(r"\b(?:morning|afternoon|evening|night|tonight|yesterday|today|ago)\b")
# "l'altro ieri", "antes de ayer", "avant-hier" hold the word for yesterday: they come first.
_DAYS = {"two_days_ago": "2 days ago", "yesterday": "yesterday", "today": "today"}
_THIS = {
    "morning": "this morning",
    "afternoon": "this afternoon",
    "evening": "this evening",
    "night": "tonight",
}
_PART_HOURS = {"morning": 9, "afternoon": 15, "evening": 19, "night": 22}
_CLOCK = regex.compile(r"\b([01]?\d|2[0-3])(?:(?: |h|:|\.)([0-5]\d))?(?: ?h)?\b")
_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_HAN_HOUR = regex.compile(r"([一两二三四五六七八九十]+)点(半)?")
_HAN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _han_clock(text: str) -> str:
    """九点 -> 9 00, 十一点半 -> 11 30: Chinese clock times as digits."""

    def digits(match: regex.Match) -> str:
        tens, _, units = match.group(1).partition("十")
        hour = (_HAN.get(tens, 1) * 10 + _HAN.get(units, 0)) if "十" in match.group(1) else _HAN.get(tens, 0)
        return f" {hour} {'30' if match.group(2) else '00'} "

    return _HAN_HOUR.sub(digits, text)
