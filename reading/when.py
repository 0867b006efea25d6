"""When did it happen? A report answer such as "yesterday about 3pm", resolved in Europe/London.

`read_when` is what the report uses: the moment in London time (zoneinfo, so "at 3pm" in
July is 15:00+01:00), or a flag that the answer names a time still to come ("tomorrow",
"next week", a future date), which the form asks again once.

Our rules come first (`parse_when`): reports are about the past, so a clock time later than
now with no day given means yesterday ("at 11pm" said at 10am); vague parts of the day use a
typical hour (morning 09:00, afternoon 15:00, evening 19:00, night 22:00, lunchtime 13:00): one
still to come is yesterday's when no day is named ("in the evening" said at 10am), else clamped
to now ("this afternoon" said at 10am).
In the small hours (before 05:00) "this afternoon" or "tonight at 11" is the day just gone: the
person has not slept yet, so a part of "today" still to come means yesterday's.
Dates the rules don't read ("3rd of March at 4pm", "12/07 2pm") go to dateparser (day first,
as in the UK), with no language detection and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from reading import regex
from reading.language.number_words import relative_time_digits
from reading.london import LONDON, london_now

FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks differ; "in 2 minutes" is still not a report of the past
SMALL_HOURS_END = 5  # before 05:00, "this afternoon" still means the afternoon just gone
DATE_ONLY_HOUR = 12  # a day with no time of day ("on the 3rd of March") is taken as midday, like "yesterday"

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "few": 3,
    "couple": 2,
    "couple of": 2,
    "a few": 3,
    "a couple of": 2,
    "several": 3,
}
UNITS = {
    "sec": "seconds",
    "second": "seconds",
    "min": "minutes",
    "minute": "minutes",
    "hr": "hours",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "fortnight": "weeks",
}
PART_OF_DAY_HOUR = {"morning": 9, "afternoon": 15, "evening": 19, "night": 22, "tonight": 22, "lunchtime": 13}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_ISO = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{1,2}):(\d{2}))?\b")
_NOW = regex.compile(
    r"^(?:(?:right|just)\s+)?now\b|\b(?:just now|right now|happening now|at the moment|as we speak|"
    r"currently|still (?:there|here|happening|going on))\b"
)
_AGO = regex.compile(
    r"\b(?:(half) an? hour|(\d+|a couple of|a few|couple of|few|several|an?|[a-z-]+)\s*"
    r"(sec|second|min|minute|hr|hour|day|week|fortnight)s?)\s*(?:ago|back)\b"
)
# A clock time not inside a longer number or word (what comes before is checked by _clock()).
CUE_CHARS = 40
# Longer text goes to dateparser only as the words around a calendar date.
DATEPARSER_CHARS = 120
_CLOCK = regex.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?($|[^\w:])")
_TODAY = regex.compile(r"\b(?:today|this (?:morning|afternoon|evening|lunchtime)|tonight|earlier)\b")
_WORD = regex.compile(r"[a-z]+")
_CLOCK_CUE = regex.compile(
    r"\b(?:at|about|around|approx(?:imately)?|roughly|by|after|before|just after|just before|"
    r"circa|~)\s*$"
)

# A bare hour right after a day word, ending the answer: "yesterday 4", "monday 10".
_DAY_WORD_BEFORE = regex.compile(
    r"\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s*$"
)
_HOUR_ENDING = regex.compile(r"^\s*(?:o'? ?clock)?\s*[.!]*$")
# "10ish" is "about 10", "half 2ish" "about half 2"; "20ish minutes ago" is "20 minutes ago".
_ISH = regex.compile(
    r"\b(half )?(\d{1,2})\s*-?ish\b(\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\b)?"
)

_FUTURE = regex.compile(
    r"\b(?:tomorrow|tmrw|tmr|day after tomorrow|next (?:week|month|year|weekend|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|time)|later (?:today|on|tonight)|in (?:a|an|\d+|a few|a couple of|few|couple of|"
    r"several|two|three|ten|twenty|thirty) (?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?))\b"
)
_DATE_HINT = regex.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fortnight|week|month|year")
_APPROXIMATELY = regex.compile(
    r"\b(?:around|about|approx(?:imately)?|roughly|circa|ish|maybe|like|i think|sometime)\b"
)
# A calendar date ("3rd of March", "12/07", "20 July"): dateparser reads it before our day-word rules.
_CALENDAR_DATE = regex.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec)\b|\b\d{1,2} may\b|\bmay \d{1,2}\b"
)
_SPOKEN_CLOCK = regex.compile(
    r"\b(half|quarter) (past|to) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\b|\bhalf (\d{1,2})\b"
)
_HAS_CLOCK = regex.compile(
    r"\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|\bnoon\b|\bmidday\b|\bmidnight\b"
)
# Words that name a place, not a time: "Mount Street", "by the embassy", "SW1X 8PQ".
_PLACE_WORDS = regex.compile(
    r"\b(?:street|st|road|rd|square|sq|lane|ln|avenue|ave|gardens|gdns|place|pl|crescent|terrace|row|mews|"
    r"embassy|consulate|high commission|station|park|gate|gates|bridge|hill|palace|parliament|whitehall)\b|"
    r"\b[a-z]{1,2}\d[a-z\d]?(?: ?\d[a-z]{2})?\b"
)


@dataclass(frozen=True)
class WhenReading:
    """The moment an answer names (aware, Europe/London), or that it names a time to come."""

    moment: datetime | None = None
    in_future: bool = False

    @property
    def iso(self) -> str | None:
        """ISO 8601 with the London offset ("2026-07-14T15:00:00+01:00"), or None."""
        return self.moment.isoformat() if self.moment else None


def read_when(text: str, now: datetime | None = None, language: str = "en") -> WhenReading:
    """The moment `text` names, resolved in Europe/London; a time to come is flagged, not returned.

    `language` other than English: dateparser reads the words in that language first ("hace diez
    minutos", "hier vers 15h"; numbers written as words before a unit of time become digits, which
    dateparser reads), then the English rules (times written as digits).
    """
    now = (now or london_now()).astimezone(LONDON)
    lowered = _lowered(text)
    if not lowered:
        return WhenReading()
    if language != "en":
        written = relative_time_digits(lowered, language)
        moment = _dateparser_moment(written, now, language) or _moment(lowered, now)
        if moment is not None and moment > now + FUTURE_TOLERANCE:
            return WhenReading(in_future=True)
        return WhenReading(moment=moment)
    if _FUTURE.search(lowered):
        return WhenReading(in_future=True)
    if _CALENDAR_DATE.search(lowered):
        moment = _dateparser_moment(lowered, now) or _moment(lowered, now)
    else:
        moment = _moment(lowered, now) or _dateparser_moment(lowered, now)
    if moment is not None and moment > now + FUTURE_TOLERANCE:
        return WhenReading(in_future=True)
    return WhenReading(moment=moment)


def names_a_place(text: str) -> bool:
    """The words name a place ("Mount Street", "by the embassy", "SW1X 8PQ"): with no time read
    from them, an answer to "when?" that is a place."""
    return bool(_PLACE_WORDS.search(_lowered(text)))


def _dateparser_moment(lowered: str, now: datetime, language: str = "en") -> datetime | None:
    """A date the rules don't read, by dateparser (day first, past preferred), in London time."""
    import dateparser  # loads its language data on first use: only in the action server

    settings = {
        "TIMEZONE": LONDON.key,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "DATE_ORDER": "DMY",
    }
    cleaned = " ".join(_APPROXIMATELY.sub(" ", lowered).split())
    if len(cleaned) > DATEPARSER_CHARS:
        date = _CALENDAR_DATE.search(cleaned)
        if date is None:
            return None
        cleaned = cleaned[max(0, date.start() - 40) : date.end() + 40]
    if language == "en" and not _DATE_HINT.search(cleaned):
        return None
    languages = ["en"] if language == "en" else [language, "en"]
    parsed: datetime | None = dateparser.parse(cleaned, languages=languages, settings=settings)
    if parsed is None:
        return None
    moment = parsed.astimezone(LONDON)
    if not _HAS_CLOCK.search(cleaned) and (moment.hour, moment.minute) in ((0, 0), (now.hour, now.minute)):
        moment = moment.replace(hour=DATE_ONLY_HOUR, minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def _lowered(text: str) -> str:
    """Lower case, single spaces, spoken clock times as digits ("half past two" -> "2:30"), "10ish"
    as "about 10"."""
    spaced = " ".join((text or "").lower().replace("’", "'").split())
    return _SPOKEN_CLOCK.sub(_clock_digits, _ISH.sub(_without_ish, spaced))


def _without_ish(match: regex.Match) -> str:
    half, number, unit = match.group(1) or "", match.group(2), match.group(3)
    return f"{half}{number}{unit}" if unit else f"about {half}{number}"


def _clock_digits(match: regex.Match) -> str:
    """A spoken time as digits; hours 1-7 are afternoon, as a bare "at 3" is ("half three" -> "3:30pm")."""
    if match.group(4):  # British "half three" is half past three
        hour, minute = int(match.group(4)), 30
    else:
        part, relation, hour_text = match.group(1), match.group(2), match.group(3)
        hour = int(hour_text) if hour_text.isdigit() else NUMBER_WORDS[hour_text]
        minute = 30 if part == "half" else 15
        if relation == "to":
            hour, minute = (hour - 2) % 12 + 1, 45
    return f"{hour}:{minute:02d}{'pm' if 1 <= hour <= 7 else ''}"


def parse_when(text: str, now: datetime) -> datetime | None:
    """The moment `text` describes by our rules, in `now`'s timezone; None when none can be read or
    when it is after `now`."""
    moment = _moment(_lowered(text), now)
    return moment if moment is not None and moment <= now else None


def _moment(lowered: str, now: datetime) -> datetime | None:
    """The rules' reading of `lowered`, possibly after `now` (a time to come)."""
    if not lowered:
        return None
    iso = _ISO.search(lowered)
    if iso:
        year, month, day, hour, minute = (int(g) if g else 0 for g in iso.groups())
        try:
            return now.replace(
                year=year, month=month, day=day, hour=hour, minute=minute, second=0, microsecond=0
            )
        except ValueError:
            return None
    if _NOW.search(lowered):
        return now
    ago = _AGO.search(lowered)
    if ago:
        return _ago(ago, now)
    return _day_and_clock(lowered, now)


def _ago(match: regex.Match, now: datetime) -> datetime | None:
    if match.group(1):
        return _before(now, timedelta(minutes=30))
    amount_text, unit = match.group(2), match.group(3)
    amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    return _before(now, timedelta(**{UNITS[unit]: amount * (2 if unit == "fortnight" else 1)}))


def _before(now: datetime, elapsed: timedelta) -> datetime:
    """`elapsed` before `now` in real time (through UTC, so a clock change in between counts)."""
    if now.tzinfo is None:
        return now - elapsed
    return (now.astimezone(timezone.utc) - elapsed).astimezone(now.tzinfo)


def _clock(lowered: str, evening: bool) -> tuple[int, int] | None:
    """Hour and minute of the first clock time ("3pm", "14:30", "at 3", "about 11")."""
    for match in _CLOCK.finditer(lowered):
        if match.start() and (lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] in "_:."):
            continue
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        explicit = meridiem or match.group(2)
        # The cues around a time are a few words long: bounded windows keep this linear.
        before = lowered[max(0, match.start() - CUE_CHARS) : match.start()]
        after = lowered[match.start(4) :] if len(lowered) - match.start(4) <= CUE_CHARS else "-"
        after_day_word = bool(_DAY_WORD_BEFORE.search(before) and _HOUR_ENDING.match(after))
        if not (explicit or after_day_word or evening or _CLOCK_CUE.search(before)):
            continue
        if hour > 23 or minute > 59 or (meridiem and not 1 <= hour <= 12):
            continue
        if meridiem:
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        elif hour <= 12 and not match.group(2):
            # A bare hour: "at 3" means 3pm; "last night around 11" means 11pm.
            if evening and hour < 12:
                hour = hour + 12 if hour >= 5 else hour
            elif 1 <= hour <= 7:
                hour += 12
        return hour, minute
    return None


def _small_hours_today(day_offset: int | None, now: datetime) -> bool:
    """Whether "today" said now means the day just gone: before 05:00, nobody has slept yet."""
    return day_offset == 0 and now.hour < SMALL_HOURS_END


def _day_and_clock(lowered: str, now: datetime) -> datetime | None:
    """Day words (yesterday, today, last night, this morning, on monday) and a clock time."""
    day_offset: int | None = None
    weekday_named = False
    part: str | None = None
    if "yesterday" in lowered or "last night" in lowered:
        day_offset = 1
    elif _TODAY.search(lowered):
        day_offset = 0
    words = set(_WORD.findall(lowered))
    for weekday, name in enumerate(WEEKDAYS):
        if name in words:
            day_offset = (now.weekday() - weekday) % 7
            weekday_named = True
    for name in PART_OF_DAY_HOUR:
        if name in words:
            part = name
    clock = _clock(lowered, evening=part in {"evening", "night", "tonight"})
    if clock is None and day_offset is None and part is None:
        return None
    base = now.replace(second=0, microsecond=0)
    if clock is not None:
        hour, minute = clock
        if part == "night" and "last night" in lowered and hour < 5:
            day_offset = 0  # "last night at 1am" is early this morning
        moment = base.replace(hour=hour, minute=minute) - timedelta(days=day_offset or 0)
        if moment > now:
            if weekday_named:
                return moment - timedelta(days=7)
            if day_offset is None or _small_hours_today(day_offset, now):
                return moment - timedelta(days=1)
        return moment
    if part is not None:
        moment = base.replace(hour=PART_OF_DAY_HOUR[part], minute=0) - timedelta(days=day_offset or 0)
        if moment > now and not weekday_named and (day_offset is None or _small_hours_today(day_offset, now)):
            return moment - timedelta(days=1)  # "at lunchtime" said at 10am: yesterday's, as "at 3pm" is
    else:
        moment = base.replace(hour=12, minute=0) - timedelta(days=day_offset or 0)
        if day_offset == 0 and "earlier" in lowered:
            return base  # "earlier today": some time before now, now is the safe upper bound
    return min(moment, now)
