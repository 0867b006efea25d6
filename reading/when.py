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
from typing import Any

from reading import regex
from reading import when_words as words
from reading.language.number_words import relative_time_digits
from reading.london import LONDON, london_now

FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks differ; "in 2 minutes" is still not a report of the past
SMALL_HOURS_END = 5  # before 05:00, "this afternoon" still means the afternoon just gone
RELATIVE_PROBE = timedelta(minutes=7)  # a second reading this much earlier tells a relative time
DATE_ONLY_HOUR = 12  # a day with no time of day ("on the 3rd of March") is taken as midday, like "yesterday"


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
    if words.FUTURE.search(lowered):
        return WhenReading(in_future=True)
    if words.CALENDAR_DATE.search(lowered):
        moment = _dateparser_moment(lowered, now) or _moment(lowered, now)
    else:
        moment = _moment(lowered, now) or _dateparser_moment(lowered, now)
    if moment is not None and moment > now + FUTURE_TOLERANCE:
        return WhenReading(in_future=True)
    return WhenReading(moment=moment)


def names_a_place(text: str) -> bool:
    """The words name a place ("Mount Street", "by the embassy", "SW1X 8PQ"): with no time read
    from them, an answer to "when?" that is a place."""
    return bool(words.PLACE_WORDS.search(_lowered(text)))


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
    cleaned = " ".join(words.APPROXIMATELY.sub(" ", lowered).split())
    if len(cleaned) > words.DATEPARSER_CHARS:
        date = words.CALENDAR_DATE.search(cleaned)
        if date is None:
            return None
        cleaned = cleaned[max(0, date.start() - 40) : date.end() + 40]
    if language == "en" and not words.DATE_HINT.search(cleaned):
        return None
    languages = ["en"] if language == "en" else [language, "en"]
    parsed: datetime | None = dateparser.parse(cleaned, languages=languages, settings=settings)
    if parsed is None:
        return None
    moment = parsed.astimezone(LONDON)
    if not words.HAS_CLOCK.search(cleaned) and (
        (moment.hour, moment.minute) == (now.hour, now.minute)
        or ((moment.hour, moment.minute) == (0, 0) and not _relative(cleaned, languages, settings, parsed))
    ):
        moment = moment.replace(hour=DATE_ONLY_HOUR, minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def _relative(cleaned: str, languages: list[str], settings: dict[str, Any], parsed: datetime) -> bool:
    """The moment moves with the time it is read at ("30 minuti fa" read at 00:30 is midnight, not
    a date with no time of day)."""
    import dateparser

    base = settings["RELATIVE_BASE"] - RELATIVE_PROBE
    again = dateparser.parse(cleaned, languages=languages, settings={**settings, "RELATIVE_BASE": base})
    return again is not None and again != parsed


def _lowered(text: str) -> str:
    """Lower case, single spaces, spoken clock times as digits ("half past two" -> "2:30"), "10ish"
    as "about 10"."""
    spaced = " ".join((text or "").lower().replace("’", "'").split())
    return words.SPOKEN_CLOCK.sub(_clock_digits, words.ISH.sub(_without_ish, spaced))


def _without_ish(match: regex.Match) -> str:
    half, number, unit = match.group(1) or "", match.group(2), match.group(3)
    return f"{half}{number}{unit}" if unit else f"about {half}{number}"


_MINUTES = {"half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20, "twenty five": 25}


def _clock_digits(match: regex.Match) -> str:
    """A spoken time as digits; hours 1-7 are afternoon, as a bare "at 3" is ("half three" -> "3:30pm",
    "ten to four" -> "3:50pm")."""
    if match.group(4):  # British "half three" is half past three
        hour, minute = int(match.group(4)), 30
    else:
        part, relation, hour_text = match.group(1), match.group(2), match.group(3)
        if part.isdigit() and relation == "to":
            return str(match.group(0))  # "5 to 10 minutes": a count
        hour = int(hour_text) if hour_text.isdigit() else words.NUMBER_WORDS[hour_text]
        minute = _MINUTES.get(part.replace("-", " "), 0) or int(part)
        if relation == "to":
            hour, minute = (hour - 2) % 12 + 1, 60 - minute
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
    iso = words.ISO.search(lowered)
    if iso:
        year, month, day, hour, minute = (int(g) if g else 0 for g in iso.groups())
        try:
            return now.replace(
                year=year, month=month, day=day, hour=hour, minute=minute, second=0, microsecond=0
            )
        except ValueError:
            return None
    if words.NOW.search(lowered):
        return now
    ago = words.AGO.search(lowered)
    if ago:
        return _ago(ago, now)
    return _day_and_clock(lowered, now)


def _ago(match: regex.Match, now: datetime) -> datetime | None:
    if match.group(1):
        return _before(now, timedelta(minutes=30))
    amount_text, unit = match.group(2), match.group(3)
    amount = int(amount_text) if amount_text.isdigit() else words.NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    return _before(now, timedelta(**{words.UNITS[unit]: amount * (2 if unit == "fortnight" else 1)}))


def _before(now: datetime, elapsed: timedelta) -> datetime:
    """`elapsed` before `now` in real time (through UTC, so a clock change in between counts)."""
    if now.tzinfo is None:
        return now - elapsed
    return (now.astimezone(timezone.utc) - elapsed).astimezone(now.tzinfo)


def _clock(lowered: str, evening: bool, morning: bool = False) -> tuple[int, int] | None:
    """Hour and minute of the first clock time ("3pm", "14:30", "at 3", "about 11"); a bare hour in
    the `morning` ("at 7 this morning") is before noon."""
    for match in words.CLOCK.finditer(lowered):
        if match.start() and (lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] in "_:."):
            continue
        if not (match.group(2) or match.group(3)) and words.UNIT_AFTER.match(
            lowered[match.start(4) : match.start(4) + words.UNIT_AFTER_CHARS]
        ):
            continue  # "for about 5 mins": how long, not when
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        explicit = meridiem or match.group(2)
        # The cues around a time are a few words long: bounded windows keep this linear.
        before = lowered[max(0, match.start() - words.CUE_CHARS) : match.start()]
        after = lowered[match.start(4) :] if len(lowered) - match.start(4) <= words.CUE_CHARS else "-"
        after_day_word = bool(words.DAY_WORD_BEFORE.search(before) and words.HOUR_ENDING.match(after))
        if not (explicit or after_day_word or evening or words.CLOCK_CUE.search(before)):
            continue
        if hour > 23 or minute > 59 or (meridiem and not 1 <= hour <= 12):
            continue
        if meridiem:
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        elif hour <= 12 and not match.group(2):
            # A bare hour: "at 3" means 3pm; "last night around 11" means 11pm.
            if evening and hour < 12:
                hour = hour + 12 if hour >= 5 else hour
            elif 1 <= hour <= 7 and not morning:
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
    elif words.TODAY.search(lowered):
        day_offset = 0
    said = set(words.WORD.findall(lowered))
    for weekday, name in enumerate(words.WEEKDAYS):
        if name in said:
            day_offset = (now.weekday() - weekday) % 7
            weekday_named = True
    for name in words.PART_OF_DAY_HOUR:
        if name in said:
            part = name
    clock = _clock(lowered, evening=part in {"evening", "night", "tonight"}, morning=part == "morning")
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
        moment = base.replace(hour=words.PART_OF_DAY_HOUR[part], minute=0) - timedelta(days=day_offset or 0)
        if moment > now and not weekday_named and (day_offset is None or _small_hours_today(day_offset, now)):
            return moment - timedelta(days=1)  # "at lunchtime" said at 10am: yesterday's, as "at 3pm" is
    else:
        moment = base.replace(hour=12, minute=0) - timedelta(days=day_offset or 0)
        if day_offset == 0 and "earlier" in lowered:
            return base  # "earlier today": some time before now, now is the safe upper bound
    return min(moment, now)
