"""What the trends page makes of the query string, and its table of the numbers the chart draws."""

from __future__ import annotations

from dashboard.trends_page import table_rows, trends_filter


def test_trends_ignore_dates_but_keep_the_rest_of_the_filter():
    report_filter = trends_filter({"from": "2026-01-01", "to": "2026-02-01", "category": "surveillance"})
    assert (report_filter.date_from, report_filter.date_to, report_filter.category) == (
        None,
        None,
        "surveillance",
    )


def test_the_table_has_a_row_a_day_newest_first_with_the_day_s_total():
    data = {
        "days": ["2026-06-29", "2026-06-30"],
        "categories": ["other", "surveillance"],
        "series": {"other": [1, 0], "surveillance": [2, 5]},
    }
    assert table_rows(data) == [
        {"day": "2026-06-30", "counts": [0, 5], "total": 5},
        {"day": "2026-06-29", "counts": [1, 2], "total": 3},
    ]
