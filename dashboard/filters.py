"""The report filter every dashboard page and export shares, read from the query string.

`?status=new&status=escalated` (or `status=new,escalated`), `category=...`, `from=YYYY-MM-DD`,
`to=YYYY-MM-DD` (London dates, both days included), `place=...` (part of the place as the
person wrote it, any case), `q=...` (words found anywhere: reference, registration, place,
description; servator/storage/triage.py) and `assigned=me|nobody`. A value that cannot be used is
left out, with a note the page shows; it never causes an error page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from reading.london import LONDON, LONDON_CLOCK_FORMAT, LONDON_DAY_FORMAT, in_london
from servator.storage import STATUSES, Report, search_condition, search_words

MAX_TEXT_CHARS = 64
MAX_SEARCH_CHARS = 200
ASSIGNED = ("me", "nobody")


@dataclass(frozen=True)
class ReportFilter:
    statuses: tuple[str, ...] = ()
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    search: str | None = None
    assigned: str | None = None  # "me" or "nobody"
    officer: str | None = field(default=None, compare=False)  # who "me" is
    notes: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(
        cls, query: Mapping[str, str], default_statuses: tuple[str, ...] = (), officer: str | None = None
    ) -> ReportFilter:
        """The filter a query string asks for (aiohttp's `request.query`, or any mapping); statuses
        default to `default_statuses` (empty: every status) when none is asked for; `officer` is who
        `assigned=me` means."""
        notes: list[str] = []
        getall = getattr(query, "getall", None)
        raw_statuses = getall("status", []) if getall else [query.get("status", "")]
        statuses: list[str] = []
        for part in ",".join(raw_statuses).split(","):
            status = part.strip().lower()
            if not status or status == "all":
                continue
            if status in STATUSES:
                statuses.append(status)
            else:
                notes.append(f"Unknown status {part.strip()[:MAX_TEXT_CHARS]!r} left out.")
        asked_all = any(part.strip().lower() == "all" for part in ",".join(raw_statuses).split(","))
        chosen = () if asked_all else tuple(statuses) or default_statuses
        assigned = (query.get("assigned") or "").strip().lower()
        date_from = _date(query.get("from"), "from", notes)
        date_to = _date(query.get("to"), "to", notes)
        if date_from and date_to and date_from > date_to:
            notes.append("The dates were the wrong way round; they have been swapped.")
            date_from, date_to = date_to, date_from
        return cls(
            statuses=tuple(s for s in STATUSES if s in chosen),
            category=_text(query.get("category")),
            date_from=date_from,
            date_to=date_to,
            place=_text(query.get("place")),
            search=_text(query.get("q"), MAX_SEARCH_CHARS),
            assigned=assigned if assigned in ASSIGNED else None,
            officer=officer,
            notes=tuple(notes),
        )

    def where(self) -> list[Any]:
        """SQLAlchemy conditions on Report for this filter (dates on when the report was made)."""
        conditions: list[Any] = []
        if self.statuses:
            conditions.append(Report.status.in_(self.statuses))
        if self.category:
            conditions.append(Report.category == self.category)
        if self.date_from:
            conditions.append(Report.created_at >= london_midnight(self.date_from))
        if self.date_to:
            conditions.append(Report.created_at < london_midnight(self.date_to + timedelta(days=1)))
        if self.place:
            pattern = "%" + self.place.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(Report.location_text.ilike(pattern, escape="\\"))
        searched = search_condition(search_words(self.search))
        if searched is not None:
            conditions.append(searched)
        if self.assigned == "nobody":
            conditions.append(Report.assigned_to.is_(None))
        elif self.assigned == "me":
            conditions.append(Report.assigned_to == (self.officer or ""))
        return conditions

    def query_items(self) -> list[tuple[str, str]]:
        """The filter as query-string pairs (statuses written out, so a link keeps exactly this filter)."""
        items = [("status", ",".join(self.statuses) or "all")]
        for key, value in (
            ("category", self.category),
            ("from", self.date_from.isoformat() if self.date_from else None),
            ("to", self.date_to.isoformat() if self.date_to else None),
            ("place", self.place),
            ("q", self.search),
            ("assigned", self.assigned),
        ):
            if value:
                items.append((key, value))
        return items

    def query_string(self) -> str:
        return urlencode(self.query_items())

    def describe(self) -> str:
        """Short, for the audit trail: the filter, never free text beyond what the officer typed."""
        return "; ".join(f"{key}={value}" for key, value in self.query_items())


def london_midnight(day: date) -> datetime:
    """The start of a London calendar day, as an aware datetime."""
    return datetime.combine(day, time(), tzinfo=LONDON)


def london_parts(moment: datetime | None) -> Markup:
    """London time for a narrow column, in london_time's words: the day, then the time on its own line."""
    if moment is None:
        return Markup("")
    local = in_london(moment)
    return Markup('<span class="day">{}</span> <span class="time">{}</span>').format(
        local.strftime(LONDON_DAY_FORMAT), local.strftime(LONDON_CLOCK_FORMAT)
    )


def london_day(day: date | str | None) -> str:
    """A London calendar day for people, as en-GB writes it ("Sun 6 Dec 2026"); "" for none."""
    if not day:
        return ""
    value = day if isinstance(day, date) else date.fromisoformat(str(day))
    return f"{value:%a} {value.day} {value:%b %Y}"


def _date(text: str | None, name: str, notes: list[str]) -> date | None:
    if not text or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        notes.append(
            f"The {name!s} date {text.strip()[:MAX_TEXT_CHARS]!r} is not a date (YYYY-MM-DD); left out."
        )
        return None


def _text(text: str | None, limit: int = MAX_TEXT_CHARS) -> str | None:
    value = " ".join((text or "").split())[:limit]
    return value or None
