"""parse_when: the date-time a report answer such as "yesterday about 3pm" refers to.

Reports are about the past, so a result is never after `now`: a clock time later than now
with no day given means yesterday ("at 11pm" said at 10am). Vague parts of the day use a
typical hour (morning 09:00, afternoon 15:00, evening 19:00, night 22:00), clamped to now.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

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
}
PART_OF_DAY_HOUR = {"morning": 9, "afternoon": 15, "evening": 19, "night": 22, "tonight": 22, "lunchtime": 13}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{1,2}):(\d{2}))?\b")
_NOW = re.compile(
    r"^(?:(?:right|just)\s+)?now\b|\b(?:just now|right now|happening now|at the moment|as we speak|"
    r"currently|still (?:there|here|happening|going on))\b"
)
_AGO = re.compile(
    r"\b(?:(half) an? hour|(\d+|a couple of|a few|couple of|few|several|an?|[a-z-]+)\s*"
    r"(sec|second|min|minute|hr|hour|day|week)s?)\s*ago\b"
)
_CLOCK = re.compile(r"(?<![\w:.])(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\w:])")
_CLOCK_CUE = re.compile(
    r"\b(?:at|about|around|approx(?:imately)?|roughly|by|after|before|just after|just before|"
    r"circa|~)\s*$"
)


def parse_when(text: str, now: datetime) -> datetime | None:
    """The moment `text` describes, in `now`'s timezone; None when no time can be read."""
    lowered = " ".join((text or "").lower().replace("’", "'").split())
    if not lowered:
        return None
    iso = _ISO.search(lowered)
    if iso:
        year, month, day, hour, minute = (int(g) if g else 0 for g in iso.groups())
        try:
            moment = now.replace(
                year=year, month=month, day=day, hour=hour, minute=minute, second=0, microsecond=0
            )
        except ValueError:
            return None
        return moment if moment <= now else None
    if _NOW.search(lowered):
        return now
    ago = _AGO.search(lowered)
    if ago:
        return _ago(ago, now)
    return _day_and_clock(lowered, now)


def _ago(match: re.Match[str], now: datetime) -> datetime | None:
    if match.group(1):
        return now - timedelta(minutes=30)
    amount_text, unit = match.group(2), match.group(3)
    amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    return now - timedelta(**{UNITS[unit]: amount})


def _clock(lowered: str, evening: bool) -> tuple[int, int] | None:
    """Hour and minute of the first clock time ("3pm", "14:30", "at 3", "about 11")."""
    for match in _CLOCK.finditer(lowered):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        explicit = meridiem or match.group(2)
        if not explicit and not _CLOCK_CUE.search(lowered[: match.start()]) and not evening:
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


def _day_and_clock(lowered: str, now: datetime) -> datetime | None:
    """Day words (yesterday, today, last night, this morning, on monday) and a clock time."""
    day_offset: int | None = None
    part: str | None = None
    if "yesterday" in lowered or "last night" in lowered:
        day_offset = 1
    elif re.search(r"\b(today|this (?:morning|afternoon|evening)|tonight|earlier)\b", lowered):
        day_offset = 0
    for weekday, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            day_offset = (now.weekday() - weekday) % 7
    for name in PART_OF_DAY_HOUR:
        if re.search(rf"\b{name}\b", lowered):
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
            if day_offset is None:
                return moment - timedelta(days=1)
            if day_offset == 0 and any(name in WEEKDAYS for name in lowered.split()):
                return moment - timedelta(days=7)
            return None
        return moment
    if part is not None:
        moment = base.replace(hour=PART_OF_DAY_HOUR[part], minute=0) - timedelta(days=day_offset or 0)
    else:
        moment = base.replace(hour=12, minute=0) - timedelta(days=day_offset or 0)
        if day_offset == 0 and "earlier" in lowered:
            return base  # "earlier today": some time before now, now is the safe upper bound
    return min(moment, now)
