"""When it happened, in the person's words, and the moment they name.

The entity rules find time words ("about 20 minutes ago", "yesterday", "4pm"); words right next to
each other are one time ("About 4pm on Wednesday", "Yesterday night, maybe 11 o'clock"); a
duration is a time too ("for the last 45 mins", "in the last hour"). A time that names a moment
beats one that does not, and "now" counts only when nothing else is said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from reading import regex
from reading.account.time_stretches import (
    DURATION,
    DURATION_BARE,
    RECURRING,
    STRETCH,
    WEEKDAY,
    its_day,
    spelled_out,
)
from reading.account.words import QUOTED, STREET_WORDS
from reading.when import read_when
from reading.when_words import UNIT_AFTER, UNIT_AFTER_CHARS
from reading.yaml_data import read_yaml

_VOCABULARY = read_yaml(Path(__file__).with_name("vocabulary.yml"))["times"]
_SPELLINGS: dict[str, str] = _VOCABULARY["spellings"]
_SPELLING = regex.compile(
    r"(?i)\b(" + "|".join(sorted(map(regex.escape, _SPELLINGS), key=len, reverse=True)) + r")\b"
)
# "about 6 times", "by 3 guys": a number counting things, not a clock time.
COUNTED = regex.compile(
    r"(?i)^\s+(?:more )?(?:times|guys|men|women|people|persons|lads|blokes|boys|girls|kids|youths|cars|vans|"
    r"bikes|calls|bags|bottles|boxes|of (?:them|us))\b"
)
# Said another way than the entity rules know: "a couple of weeks ago", "quarter past one",
# "between 9 and 10", "this arvo arond 3", "overnight".
_SPELLED = "|".join(sorted(map(regex.escape, _SPELLINGS), key=len, reverse=True))
_APPROX = r"(?:(?:about|around|at|approx|roughly|maybe|like|arond|aroud|arround|abt|bout) )?"
_HOUR = (
    r"(?:\d{1,2}(?:[:.]\d{2})?(?: ?[ap]m)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
# A day of the month, with its weekday or month ("Tuesday 3rd", "the 5th of December", "Friday 8
# November", "Dec 4"); an ordinal alone counts ("the 5th time", "the 2nd floor").
_ORDINAL = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
    r"mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_OTHER_TIMES = regex.compile(
    rf"(?i)\b((?:a )?(?:couple of|few) (?:mins?|minutes|hours?|days|weeks|months) ago|(?:a|few) moments? ago|"
    r"moments ago|at this (?:very )?moment|"
    rf"{_APPROX}(?:midnight|midday|noon)|(?:at|around|about) (?:like|about|around|maybe|roughly) {_HOUR}|"
    rf"{_APPROX}(?:half|quarter|\d{{1,2}}|five|ten|twenty|twenty[- ]five) (?:past|to) {_HOUR}|"
    rf"(?:between|from) {_HOUR} (?:and|till|til|until|to|-) (?:about )?{_HOUR}|"
    rf"(?:(?:{WEEKDAY}),? )?(?:the )?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?:of )?{_MONTH}\b(?: \d{{4}})?|"
    rf"(?:{WEEKDAY}),? (?:the )?{_ORDINAL}(?: of)?|"
    rf"{_MONTH} (?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|"
    rf"(?:(?:this|yesterday|last|today|sat|sun|saturday|sunday|friday) )?(?:{_SPELLED})(?: {_APPROX}{_HOUR}\b)?)\b"
)
# "between 9 and 10" is read as its start.
_RANGE = regex.compile(rf"(?i)\b(?:between|from) ({_HOUR}) (?:and|till|til|until|to|-) (?:about )?{_HOUR}\b")
# "someone just left a bag", "we've just had a call", "there was just an explosion": a moment ago.
_JUST = regex.compile(
    r"(?i)\b(just)\b (?:" + "|".join(map(regex.escape, _VOCABULARY["just_before"])) + r"|[a-z]+ed)\b"
    r"|(?:there|theres|there's|there’s) (?:was|has been|been|s been) (just) (?:a|an)\b"
)
# "we just hear", "it just drop": "just" after its subject, before a verb as said.
_JUST_AFTER_SUBJECT = regex.compile(
    r"(?i)\b(?:i|we|he|she|they|it|someone|somebody|some1|sum1) (just) ([a-z']+)\b"
)
_NOT_AFTER_JUST = frozenset(_VOCABULARY["just_not_before"])
# A message says when once or twice; reading more time words than this only costs time.
MAX_TIMES = 6
_GREETING = regex.compile(r"(?i)\bgood (?:morning|afternoon|evening|night)\b")
_CLOCK = regex.compile(
    r"\d|half|o'?clock|noon|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
)
# A number or a named hour: "at 4 in the afternoon" is a time, "in the afternoon" alone is not.
_A_TIME_IN = regex.compile(
    r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight|today|yesterday)\b"
)
# "He was about 60": an age, not a time (no clock reads past 24).
_AN_AGE = regex.compile(r"(?i)^(?:about|around|maybe|roughly|approx) (?:2[5-9]|[3-9]\d)$")
# A part of the day said as "the night", "every morning": no time in particular.
_GENERIC = regex.compile(r"(?i)\b(?:the|every|each) (?:morning|afternoon|evening|night|day|lunchtime)$")
_JOINERS = frozenset(
    {
        ",",
        "on",
        "at",
        "about",
        "around",
        "maybe",
        "approx",
        "approximately",
        "-",
        "ish",
        "just",
        "after",
        "before",
        "near",
        "roughly",
        "exactly",
        "like",
    }
    | {"in", "the"}  # "at about four in the afternoon"
)
# A part of the day opening a sentence, a word after it, names a job or a shift ("Night porter at a
# hotel", "Night security here"): no time.
_PART_OF_DAY = regex.compile(r"(?i)^(?:morning|afternoon|evening|night|nite)$")
_GREETS_AFTER = regex.compile(
    r"(?i)^(?:\s*(?:all|folks|everyone|team|guys|officer|officers))?\s*(?:[.!,:\n]|$)"
)


@dataclass(frozen=True)
class TimeSaid:
    """The time words as said, where the text says them, and the moment they name (ISO 8601)."""

    words: str
    span: Span  # the tokens of `words`: the place and the people end where the time begins
    iso: str | None


def time_words(doc: Doc, entities: list[dict[str, Any]], now: datetime | None) -> TimeSaid | None:
    """When the text says it happened (the most precise time it says), or None."""
    text = doc.text
    quoted = [range(m.start(1), m.end(1)) for m in QUOTED.finditer(text)]
    durations = {(m.start(1), m.end(1)) for m in DURATION.finditer(text)} | {
        (m.start(m.lastindex or 1), m.end(m.lastindex or 1)) for m in DURATION_BARE.finditer(text)
    }
    spans = sorted(
        span
        for span in [
            (e["start"], e["end"])
            for e in entities
            if e["entity"] == "time" and not _counts_time(text, e["end"])
        ]
        + [(m.start(1), m.end(1)) for m in _OTHER_TIMES.finditer(text) if not _counts_time(text, m.end(1))]
        + list(durations)
        + [(m.start(m.lastindex or 1), m.end(m.lastindex or 1)) for m in _JUST.finditer(text)]
        + _just_after_subject(text)
        if not any(span[0] in inside for inside in quoted)
    )
    groups: list[tuple[int, int]] = []
    for start, end in spans:
        joined = _joined(text[groups[-1][1] : start]) if groups else False
        # "every evening this week around 8": the time right after a recurrence is when, each time
        again = bool(
            groups and not text[groups[-1][1] : start].strip() and RECURRING.match(text[slice(*groups[-1])])
        )
        if joined and not again and ((start, end) in durations or groups[-1] in durations):
            joined = False  # "two days in a row now, Thursday and Friday at 5": a stretch, then when in it
        if groups and (start <= groups[-1][1] or joined):
            groups[-1] = (groups[-1][0], max(end, groups[-1][1]))
        else:
            groups.append((start, end))
    ranked: list[tuple[int, int, int, str | None]] = []
    for index, group in enumerate(groups[:MAX_TIMES]):
        start, end = _stripped(text, *group)
        said = text[start:end]
        before_too = text[max(0, group[0] - 6) : group[1]]
        if (
            _GREETING.search(before_too)
            or _AN_AGE.match(said)
            or (_GENERIC.search(before_too) and len(said.split()) <= 3 and not _A_TIME_IN.search(said))
            or (
                _PART_OF_DAY.match(said) and (_names_something(text, start, end) or _greets(text, start, end))
            )
        ):
            continue  # "Good afternoon" or "Evening." opens a message, "Night porter here" names a job: no time
        reading = read_when("just now" if said.lower() == "just" else _readable(said), now)
        if reading.in_future and not (group in durations and said.lower().startswith("in ")):
            continue  # "will go off in 10 minutes" is not when it happened
        stretch = index == 0 and bool(STRETCH.match(said)) and not spelled_out(text, groups, index, MAX_TIMES)
        if group in durations and said.lower().startswith(("for ", "been ", "in ")) and not stretch:
            # "for about 5 mins" names no moment, whatever "5" may read as
            ranked.append((1, start, end, None))
            continue
        precision = _precision(said, reading.moment is not None)
        if stretch:
            precision = 3  # "for the last four mornings ... at 8": the stretch it keeps happening in
        elif RECURRING.match(said):
            precision = max(2, precision)  # "every lunchtime", "three times this week": when, as told
        elif group in durations and not said.lower().startswith("since "):
            precision = min(1, precision)  # a stretch ("this week", "all day") says less than "on Saturday"
        ranked.append((precision, start, end, reading.iso))
    if not ranked:
        return None
    best = max(ranked, key=lambda item: (item[0], -item[1]))
    day = its_day(text, best, ranked)
    if day is not None:
        best = day
    _, start, end, iso = best
    span = doc.char_span(start, end, alignment_mode="expand")
    return TimeSaid(text[start:end], span, iso) if span is not None else None


def _just_after_subject(text: str) -> list[tuple[int, int]]:
    """ "someone just throw", "we just hear": a moment ago, unless the word after says otherwise
    ("I just want to ask", "he just stands there", "it's just sitting there")."""
    return [
        (m.start(1), m.end(1))
        for m in _JUST_AFTER_SUBJECT.finditer(text)
        if (verb := m.group(2).lower()) not in _NOT_AFTER_JUST
        and not verb.endswith(("ing", "'s", "'t"))
        and (not verb.endswith("s") or verb.endswith("ss"))
    ]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of text[start:end] without the spaces and commas around it."""
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _names_something(text: str, start: int, end: int) -> bool:
    opens = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?\n"
    return opens and text[end : end + 1] == " " and text[end + 1 : end + 2].isalpha()


def _greets(text: str, start: int, end: int) -> bool:
    """A part of the day that opens the message on its own is a greeting: "Evening.", "Morning all,"."""
    return not text[:start].strip(" ,!.") and bool(_GREETS_AFTER.match(text[end:]))


def _counts_time(text: str, end: int) -> bool:
    """A time found right before a unit of time ("about 15" in "about 15 min") counts how long; one
    right before things counted ("about 6 times", "by 3 guys") counts them; a number before a
    street's name ("at 14-16 Cockspur Street", "at 3 whitehall court") is the house's."""
    if text[end - 1].isalpha():
        return False
    after = text[end : end + 20]
    counts = UNIT_AFTER.match(after[:UNIT_AFTER_CHARS]) or COUNTED.match(after)
    return bool(counts) or _house_number(text, end)


# The last word of a street's or a block's name, and the words that cannot stand inside one.
_STREET_ENDS = STREET_WORDS | frozenset(
    "pl court ct gate way walk close yard grove parade embankment mansions".split()
)
_NOT_IN_A_NAME = frozenset(
    "on in at by near outside the a an and or he she they i we it someone somebody man woman".split()
)


def _house_number(text: str, end: int) -> bool:
    """A number right before a street's name, one to three words ending in a street word."""
    if not text[end - 1].isdigit():
        return False
    words = text[end : end + 60].lstrip(" -–").split()
    if words and words[0].replace("-", "").isdigit():
        words = words[1:]  # "14-16 Cockspur Street" said with spaces around the dash
    for index, word in enumerate(words[:4]):
        word = word.lower().strip(",.;:!?")
        if word in _STREET_ENDS:
            return index > 0
        if word in _NOT_IN_A_NAME or not word.isalpha():
            return False
    return False


def _readable(said: str) -> str:
    """The time words as the time reader knows them: "this arvo arond 3" -> "this afternoon around 3"."""
    spelled = _SPELLING.sub(lambda match: _SPELLINGS[match.group(1).lower()], said)
    return _RANGE.sub(lambda match: "at " + match.group(1), spelled)


def _precision(said: str, names_a_moment: bool) -> int:
    """How much a time says: a clock time > a day, a part of one or a time ago > a duration > "now"."""
    lowered = said.lower()
    if lowered in ("now", "right now", "rn", "just", "at this moment", "at this very moment"):
        return 0
    if not names_a_moment:
        return 1
    return 3 if _CLOCK.search(lowered) and not lowered.endswith(("ago", "back")) else 2


def _joined(between: str) -> bool:
    words = between.lower().replace(",", " , ").split()
    return len(words) <= 2 and all(word in _JOINERS for word in words)
