"""The London clock: the zone every time a person gives or an officer reads is in, and how one is written.

Stored times are UTC; a person reads them in London time with GMT or BST ("25 Nov 2026 21:40 GMT").
A naive datetime is taken as UTC, the way the storage layer keeps them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# How a London time is written: the day, then the clock with its zone ("25 Nov 2026", "21:40 GMT").
LONDON_DAY_FORMAT = "%d %b %Y"
LONDON_CLOCK_FORMAT = "%H:%M %Z"
LONDON_TIME_FORMAT = f"{LONDON_DAY_FORMAT} {LONDON_CLOCK_FORMAT}"


def london_now() -> datetime:
    """The current time in London."""
    return datetime.now(LONDON)


def in_london(moment: datetime) -> datetime:
    """`moment` on the London clock; naive is UTC."""
    aware = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
    return aware.astimezone(LONDON)


def london_time(moment: datetime | None) -> str:
    """`moment` for a person to read, in London time with its zone ("25 Nov 2026 21:40 GMT"); "" for none."""
    return "" if moment is None else in_london(moment).strftime(LONDON_TIME_FORMAT)


def london_iso(moment: datetime | None) -> str | None:
    """`moment` as ISO 8601 in London time with its offset ("2026-07-01T15:00:00+01:00"); None for none."""
    return None if moment is None else in_london(moment).isoformat()
