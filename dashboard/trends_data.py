"""Trends: reports received per day by category over the last DAYS days (days in London time), the
places with the most reports and the largest clusters of linked reports in that time.

The window is DAYS London days ending today. One read fetches (received time, category, place,
cluster) of the matching reports in the window; they are counted by London day here, in Python, so the
result is the same on SQLite and PostgreSQL, summer time included.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from reading.london import LONDON
from servator.linking import place_name
from servator.storage import dashboard_queries
from servator.storage.categories import category_label
from servator.storage.dashboard_queries import WindowRow

DAYS = 90
TOP = 10


def window(now: datetime, days: int = DAYS) -> tuple[list[date], datetime]:
    """The London days of the window, oldest first, and the UTC instant the first one starts."""
    today = now.astimezone(LONDON).date()
    first = today - timedelta(days=days - 1)
    start = datetime.combine(first, time(0), tzinfo=LONDON).astimezone(timezone.utc)
    return [first + timedelta(days=offset) for offset in range(days)], start


def per_day(rows: list[WindowRow], day_list: list[date]) -> dict[str, Any]:
    """{"days": [ISO dates], "categories": [names], "series": {category: [count per day]}, "total": n}."""
    counts: Counter[tuple[date, str]] = Counter(
        (created_at.astimezone(LONDON).date(), category) for created_at, category, _, _ in rows
    )
    categories = sorted({category for _, category in counts})
    return {
        "days": [day.isoformat() for day in day_list],
        "categories": categories,
        "labels": {category: category_label(category) for category in categories},
        "series": {category: [counts[(day, category)] for day in day_list] for category in categories},
        "total": sum(counts.values()),
    }


def top_places(rows: list[WindowRow]) -> list[dict[str, Any]]:
    """The gazetteer places with the most reports in the window: name and count, most first."""
    counts = Counter(place_id for _, _, place_id, _ in rows if place_id)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    return [{"place": place_name(place_id) or place_id, "reports": n} for place_id, n in ranked]


def top_clusters(session: Session, rows: list[WindowRow]) -> list[dict[str, Any]]:
    """The clusters of linked reports with the most reports in the window: their size, when they were
    last added to, and the places their reports in the window were at (the reasons are on each
    report's page, with its links)."""
    counts = Counter(cluster_id for _, _, _, cluster_id in rows if cluster_id)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    if not ranked:
        return []
    wanted = [cluster_id for cluster_id, _ in ranked]
    stored = dashboard_queries.clusters_by_id(session, wanted)
    first = dashboard_queries.earliest_references(session, wanted)
    places: dict[str, Counter[str]] = {cluster_id: Counter() for cluster_id in wanted}
    for _, _, place_id, cluster_id in rows:
        if cluster_id in places and place_id:
            places[cluster_id][place_id] += 1
    return [
        {
            "cluster": cluster_id,
            "reports_in_window": n,
            "size": stored[cluster_id].size,
            "score": float(stored[cluster_id].score),
            "last_seen": stored[cluster_id].last_seen.isoformat(),
            "places": [place_name(place) or place for place, _ in places[cluster_id].most_common(3)],
            "first_reference": first.get(cluster_id),
        }
        for cluster_id, n in ranked
        if cluster_id in stored
    ]


def trends(
    session: Session, filters: list[ColumnElement[bool]], now: datetime, days: int = DAYS
) -> dict[str, Any]:
    day_list, start = window(now, days)
    rows = dashboard_queries.received_since(session, filters, start)
    return {
        **per_day(rows, day_list),
        "top_places": top_places(rows),
        "top_clusters": top_clusters(session, rows),
    }
