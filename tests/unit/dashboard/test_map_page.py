"""What the map page makes of the query string: its dates and its zoom."""

from __future__ import annotations

from datetime import date, datetime, timezone

from dashboard.map_page import map_filter, zoom_level

NOW = datetime(2026, 7, 1, 0, 30, tzinfo=timezone.utc)  # 1 July 01:30 in London (summer time)


def test_the_map_opens_on_the_last_30_london_days_unless_dates_are_asked_for():
    assert map_filter({}, NOW).date_from == date(2026, 6, 2)
    assert map_filter({"from": "2026-01-05"}, NOW).date_from == date(2026, 1, 5)
    assert map_filter({"to": "2026-01-05"}, NOW).date_from is None
    everything = map_filter({"from": ""}, NOW)  # the form's empty "from": every report
    assert everything.date_from is None and everything.date_to is None
    assert map_filter({"from": "not a date"}, NOW).notes


def test_zoom_is_a_whole_number_within_the_map_s_range():
    assert [zoom_level(text) for text in (None, "", "7", "-3", "40", "1e9", "seven")] == [
        12,
        12,
        7,
        0,
        19,
        12,
        12,
    ]
