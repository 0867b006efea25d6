"""Trends: reports per London day by category, summer time included; top places and clusters."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from dashboard.trends_data import trends, window
from servator.storage import Report
from tests.support.linking_helpers import days, draft, store, store_and_link

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=timezone.utc)  # British Summer Time: London is UTC+1


def received(sessions, reference: str, at: datetime) -> None:
    with sessions() as session:
        session.execute(update(Report).where(Report.reference == reference).values(created_at=at))
        session.commit()


def test_window_is_ninety_london_days_ending_today():
    day_list, start = window(NOW)
    assert len(day_list) == 90 and day_list[-1].isoformat() == "2026-06-30"
    assert start == datetime(2026, 4, 1, 23, 0, tzinfo=timezone.utc)  # 2 April, 00:00 in London


def test_reports_are_counted_on_their_london_day_by_category(sessions):
    late_evening = store(sessions, draft(category="surveillance"))
    received(sessions, late_evening, datetime(2026, 6, 28, 23, 30, tzinfo=timezone.utc))  # 29 June in London
    for hour in (1, 2):
        other = store(sessions, draft(category="other"))
        received(sessions, other, datetime(2026, 6, 29, hour, tzinfo=timezone.utc))
    too_old = store(sessions, draft(category="other"))
    received(sessions, too_old, NOW - timedelta(days=120))
    with sessions() as session:
        data = trends(session, [], NOW)
    index = data["days"].index("2026-06-29")
    assert data["categories"] == ["other", "surveillance"]
    assert data["series"]["surveillance"][index] == 1 and data["series"]["other"][index] == 2
    assert data["labels"]["surveillance"] == "Filming, photographing or watching" and data["total"] == 3
    assert sum(data["series"]["surveillance"]) == 1 and sum(data["series"]["other"]) == 2
    with sessions() as session:
        only = trends(session, [Report.category == "surveillance"], NOW)
    assert only["categories"] == ["surveillance"] and only["total"] == 1


def test_top_places_and_clusters(sessions):
    references = []
    for offset in range(3):
        reference, _ = store_and_link(
            sessions,
            draft(location_text="Embassy of Russia", category="surveillance", occurred_at=days(offset)),
        )
        references.append(reference)
        received(sessions, reference, NOW - timedelta(days=offset))
    alone = store(sessions, draft(location_landmark="Embassy of France", category="other"))
    with sessions() as session:
        from servator.linking import link_report
        from tests.support.linking_helpers import settings

        link_report(session, alone, settings())
        session.commit()
    received(sessions, alone, NOW)
    with sessions() as session:
        data = trends(session, [], NOW)
    assert data["top_places"] == [
        {"place": "Embassy of Russia", "reports": 3},
        {"place": "Embassy of France", "reports": 1},
    ]
    [cluster] = data["top_clusters"]
    assert cluster["reports_in_window"] == 3 and cluster["size"] == 3
    assert cluster["first_reference"] == references[0]
    assert cluster["places"] == ["Embassy of Russia"]
