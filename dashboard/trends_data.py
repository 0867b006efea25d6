"""Trends: reports received per day by category over the last DAYS days (days in London time), the
places with the most reports and the largest clusters of linked reports in that time.

The window is DAYS London days ending today. Only (received time, category) of the reports in the
window are read and counted by London day here, in Python, so the result is the same on SQLite and
PostgreSQL, summer time included.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from servator.linking import category_words, place_name
from servator.linking import cluster as load_cluster
from servator.storage.link_tables import ReportFeatures
from servator.storage.models import Report

LONDON = ZoneInfo("Europe/London")
DAYS = 90
TOP = 10


def window(now: datetime, days: int = DAYS) -> tuple[list[date], datetime]:
    """The London days of the window, oldest first, and the UTC instant the first one starts."""
    today = now.astimezone(LONDON).date()
    first = today - timedelta(days=days - 1)
    start = datetime.combine(first, time(0), tzinfo=LONDON).astimezone(timezone.utc)
    return [first + timedelta(days=offset) for offset in range(days)], start


def per_day(
    session: Session, filters: list[ColumnElement[bool]], now: datetime, days: int = DAYS
) -> dict[str, Any]:
    """{"days": [ISO dates], "categories": [names], "series": {category: [count per day]}, "total": n}."""
    day_list, start = window(now, days)
    counts: Counter[tuple[date, str]] = Counter()
    rows = session.execute(
        select(Report.created_at, Report.category).where(*filters, Report.created_at >= start)
    )
    for created_at, category in rows:
        counts[(created_at.astimezone(LONDON).date(), category)] += 1
    categories = sorted({category for _, category in counts})
    series = {category: [counts[(day, category)] for day in day_list] for category in categories}
    return {
        "days": [day.isoformat() for day in day_list],
        "categories": categories,
        "labels": {category: category_words(category) for category in categories},
        "series": series,
        "total": sum(counts.values()),
    }


def top_places(
    session: Session, filters: list[ColumnElement[bool]], now: datetime, days: int = DAYS
) -> list[dict[str, Any]]:
    """The gazetteer places with the most reports in the window: name and count, most first."""
    _, start = window(now, days)
    count = func.count()
    rows = session.execute(
        select(ReportFeatures.place_id, count)
        .select_from(Report)
        .join(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*filters, Report.created_at >= start, ReportFeatures.place_id.isnot(None))
        .group_by(ReportFeatures.place_id)
        .order_by(count.desc(), ReportFeatures.place_id)
        .limit(TOP)
    )
    return [{"place": place_name(place_id) or place_id, "reports": int(n)} for place_id, n in rows]


def top_clusters(
    session: Session, filters: list[ColumnElement[bool]], now: datetime, days: int = DAYS
) -> list[dict[str, Any]]:
    """The clusters of linked reports with the most reports in the window, with their reason."""
    _, start = window(now, days)
    count = func.count()
    rows = session.execute(
        select(ReportFeatures.cluster_id, count)
        .select_from(Report)
        .join(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*filters, Report.created_at >= start, ReportFeatures.cluster_id.isnot(None))
        .group_by(ReportFeatures.cluster_id)
        .order_by(count.desc(), ReportFeatures.cluster_id)
        .limit(TOP)
    )
    found = []
    for cluster_id, n in rows:
        whole = load_cluster(session, cluster_id)
        if whole is None:
            continue
        found.append(
            {
                "cluster": cluster_id,
                "reports_in_window": int(n),
                "size": len(whole.references),
                "reason": whole.reason,
                "places": [name for name, _lat, _lon in whole.places],
                "first_reference": whole.references[0],
                "last_seen": whole.last_seen.isoformat(),
            }
        )
    return found


def trends(session: Session, filters: list[ColumnElement[bool]], now: datetime) -> dict[str, Any]:
    return {
        **per_day(session, filters, now),
        "top_places": top_places(session, filters, now),
        "top_clusters": top_clusters(session, filters, now),
    }
