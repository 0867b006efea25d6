"""Triage queries for the officer dashboard: the queue, its search, assigning reports, officers' notes.

The dashboard builds the filter's conditions; the reads and writes of the report tables are here.
Search matches every word typed (each in the reference, the registration, the place as written, its
postcode or landmark, the description, the people or the vehicle), case-insensitively; a
registration matches with or without its space.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from reading import regex
from servator.storage.models import Report, ReportNote

MAX_SEARCH_WORDS = 8
MAX_WORD_CHARS = 64
SNIPPET_CHARS = 140
_WORD = regex.compile(r"[^\s,;]+")
_SEARCHED_TEXT = (
    Report.reference,
    Report.location_text,
    Report.location_postcode,
    Report.location_landmark,
    Report.description,
    Report.people_description,
    Report.vehicle_text,
)
# Newest first unless asked otherwise; a report whose time was not worked out goes last.
SORTS: dict[str, tuple[Any, ...]] = {
    "urgent": (Report.still_happening.desc(), Report.created_at.desc(), Report.id.desc()),
    "reported": (Report.created_at.desc(), Report.id.desc()),
    "reported_asc": (Report.created_at.asc(), Report.id.asc()),
    "seen": (Report.occurred_at.is_(None), Report.occurred_at.desc(), Report.id.desc()),
    "seen_asc": (Report.occurred_at.is_(None), Report.occurred_at.asc(), Report.id.asc()),
}


@dataclass(frozen=True)
class QueueRow:
    id: int
    reference: str
    created_at: datetime
    occurred_at: datetime | None
    occurred_text: str
    category: str
    place: str
    snippet: str
    urgent: bool
    status: str
    assigned_to: str | None


def search_words(text: str | None) -> tuple[str, ...]:
    """The words of a search, as typed (at most MAX_SEARCH_WORDS, each at most MAX_WORD_CHARS)."""
    return tuple(word[:MAX_WORD_CHARS] for word in _WORD.findall(text or "")[:MAX_SEARCH_WORDS])


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_condition(words: Sequence[str]) -> ColumnElement[bool] | None:
    """Every word somewhere in the report (None: no words, no condition)."""
    conditions = []
    for word in words:
        pattern = _like(word)
        compact = _like(word.replace(" ", "").upper())
        conditions.append(
            or_(
                *(column.ilike(pattern, escape="\\") for column in _SEARCHED_TEXT),
                func.replace(func.upper(Report.vehicle_registration), " ", "").like(compact, escape="\\"),
            )
        )
    return and_(*conditions) if conditions else None


def snippet(text: str | None, limit: int = SNIPPET_CHARS) -> str:
    """The start of a description on one line, cut at a word with "…" when longer."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(" ,.;:") + "…"


def queue_page(
    session: Session, conditions: Sequence[Any], sort: str, limit: int, offset: int
) -> tuple[int, list[QueueRow]]:
    """(how many match, the rows of one page in the asked order)."""
    total = session.execute(select(func.count(Report.id)).where(*conditions)).scalar_one()
    found = session.execute(
        select(
            Report.id,
            Report.reference,
            Report.created_at,
            Report.occurred_at,
            Report.occurred_text,
            Report.category,
            Report.location_text,
            Report.description,
            Report.still_happening,
            Report.status,
            Report.assigned_to,
        )
        .where(*conditions)
        .order_by(*SORTS.get(sort, SORTS["urgent"]))
        .limit(limit)
        .offset(offset)
    ).all()
    rows = [
        QueueRow(
            row.id,
            row.reference,
            row.created_at,
            row.occurred_at,
            " ".join((row.occurred_text or "").split()),
            row.category,
            " ".join((row.location_text or "").split()),
            snippet(row.description),
            bool(row.still_happening),
            row.status,
            row.assigned_to,
        )
        for row in found
    ]
    return int(total), rows


def assign(session: Session, reference: str, officer: str | None) -> tuple[bool, str | None]:
    """Assign the report to `officer` (None: to nobody): (found, who had it before). The caller commits."""
    report = session.execute(select(Report).where(Report.reference == reference)).scalar_one_or_none()
    if report is None:
        return False, None
    previous = report.assigned_to
    report.assigned_to = officer
    return True, previous


@dataclass(frozen=True)
class Note:
    at: datetime
    officer: str
    text: str


class ReportNotes:
    """Officers' notes on reports, oldest first; each note is kept as written (the caller commits)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, reference: str, officer: str, text: str) -> bool:
        report_id = self.session.execute(
            select(Report.id).where(Report.reference == reference)
        ).scalar_one_or_none()
        if report_id is None:
            return False
        self.session.add(ReportNote(report_id=report_id, officer=officer, text=text))
        return True

    def for_report(self, reference: str) -> list[Note]:
        rows = self.session.execute(
            select(ReportNote.at, ReportNote.officer, ReportNote.text)
            .join(Report, Report.id == ReportNote.report_id)
            .where(Report.reference == reference)
            .order_by(ReportNote.at, ReportNote.id)
        )
        return [Note(at, officer, text) for at, officer, text in rows]
