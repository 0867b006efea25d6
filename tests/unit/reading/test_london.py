"""The London clock (reading/london.py): one zone and one way a time is written for people."""

from __future__ import annotations

from datetime import datetime, timezone

from reading.london import london_iso, london_time


def test_a_time_is_written_in_london_time_with_gmt_or_bst():
    assert london_time(datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)) == "01 Jul 2026 13:00 BST"
    assert london_time(datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)) == "01 Jan 2026 12:00 GMT"


def test_a_naive_time_is_utc_and_no_time_is_nothing():
    assert london_time(datetime(2026, 7, 1, 12, 0)) == "01 Jul 2026 13:00 BST"
    assert london_time(None) == "" and london_iso(None) is None


def test_the_iso_form_keeps_the_london_offset():
    assert london_iso(datetime(2026, 7, 1, 14, 0, tzinfo=timezone.utc)) == "2026-07-01T15:00:00+01:00"
    assert london_iso(datetime(2026, 3, 4, 9, 30)) == "2026-03-04T09:30:00+00:00"
