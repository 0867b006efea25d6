"""Reports for the linking tests: a plain draft to vary field by field, stored and linked like production."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy.orm import Session

from servator.linking import Link, LinkSettings, link_report
from servator.storage import ReportDraft, store_draft

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
OFFICER_CHAT = "-100777"
_counter = iter(range(1_000_000))


def draft(**changes: Any) -> ReportDraft:
    """A report with nothing to link on (no place, plate or shared words) unless the test says so."""
    number = next(_counter)
    values: dict[str, Any] = dict(
        submission_key=f"linking-{number}",
        category="other",
        description=f"#{number}",  # no words: nothing for the description rule
        location_text=None,
        occurred_text="a while ago",
        occurred_at=T0,
        sender_hash=f"{number:032x}",
        channel="rest",
    )
    values.update(changes)
    return ReportDraft(**values)


def days(n: float) -> datetime:
    return T0 + timedelta(days=n)


def settings(**changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"officer_chat_ids": (OFFICER_CHAT,)}
    values.update(changes)
    return LinkSettings(**values)


def store(sessions: Callable[[], Session], report: ReportDraft) -> str:
    reference, _ = store_draft(report, sessions)
    return reference


def store_and_link(
    sessions: Callable[[], Session], report: ReportDraft, link_settings: LinkSettings | None = None
) -> tuple[str, list[Link]]:
    """Store the report, then link it in its own transaction (as the linking worker does)."""
    reference = store(sessions, report)
    with sessions() as session:
        links = link_report(session, reference, link_settings or settings())
        session.commit()
    return reference, links


def new_plate() -> str:
    """A UK plate no other test uses ('LK' + age 71 + three random letters)."""
    letters = "".join(
        random.choice(string.ascii_uppercase.replace("I", "").replace("Q", "")) for _ in range(3)
    )
    return f"LK71 {letters}"


def sighting(place: str, day: float, plate: str = "AB12 CDE", **changes: Any) -> ReportDraft:
    """A report of a silver Ford with this plate, seen at this place this many days ago."""
    return draft(
        vehicle_registration=plate,
        vehicle_text=f"silver Ford {plate}",
        location_text=place,
        occurred_at=days(day),
        **changes,
    )
