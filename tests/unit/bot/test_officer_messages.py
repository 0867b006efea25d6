"""What an officer alert may say (reference, category, urgency, coarse place, time, how many photos)
and what only /report REF shows."""

from __future__ import annotations

from typing import Any

import pytest

from bot.officer_messages import alert_message, coarse_place, report_message
from servator.storage.models import Report
from tests.support.storage_helpers import full_draft

REFERENCE = "SRV-20250304-ABCDEF"
# Everything a person typed or that identifies someone: never in an alert.
PRIVATE = (
    "a man filming the embassy gate",
    "tall, grey coat",
    "07700900123",
    "me@example.org",
    "AB12 CDE",
    "silver ford focus",
    "north towards Oxford Street",
    "ten minutes ago",
    "W1K 6AH",
    "51.5113",
    "AgACAgQAAxkBAAIB",  # a photo's id: the photos themselves are only on the dashboard
)


def report(**changes: Any) -> dict[str, Any]:
    changes.setdefault("attachments", ["AgACAgQAAxkBAAIB", "BQACAgQAAxkBAAIC"])
    data = Report.from_draft(full_draft(contact_email="me@example.org", **changes), REFERENCE).to_dict()
    data["created_at"] = "2025-03-04T09:31:00+00:00"
    return data


def test_an_alert_carries_reference_category_urgency_coarse_place_and_time_only():
    text = alert_message(report())
    for expected in (
        REFERENCE,
        "surveillance",
        "STILL HAPPENING",
        "Grosvenor Square, W1K",
        "09:30 GMT",
        "09:31 GMT",
        "Photos: 2 (on the officer dashboard)",
    ):
        assert expected in text, expected
    for leaked in PRIVATE:
        assert leaked not in text, leaked
    assert f"/report {REFERENCE} in a private chat" in text
    assert "Photos: none" in alert_message(report(attachments=[]))


def test_a_re_alert_says_it_is_a_reminder_and_how_to_acknowledge():
    text = alert_message(report(), reminder=2, reminders=3)
    assert "NOT YET ACKNOWLEDGED (reminder 2 of 3)" in text and f"/ack {REFERENCE}" in text
    assert not any(leaked in text for leaked in PRIVATE)


@pytest.mark.parametrize(
    "changes,place",
    [
        ({}, "Grosvenor Square, W1K"),
        ({"location_landmark": None}, "W1K"),
        ({"location_landmark": None, "location_postcode": None}, "near 51.51, -0.15"),
        (
            {"location_landmark": None, "location_postcode": None, "latitude": None, "longitude": None},
            "not given",
        ),
    ],
)
def test_the_place_is_coarse_never_the_typed_words(changes, place):
    assert coarse_place(report(**changes)).startswith(place)
    assert "Grosvenor Square W1K 6AH" not in alert_message(report(**changes))


def test_a_past_report_is_not_urgent():
    text = alert_message(report(still_happening=False))
    assert "not happening now" in text and "URGENT" not in text


def test_the_full_report_is_for_report_ref_only():
    text = report_message(report())
    assert "a man filming the embassy gate" in text and "07700900123" in text and "status: new" in text


def test_a_summer_time_is_shown_in_london_time_not_utc():
    from datetime import datetime, timezone

    # 14:00 UTC on 1 July is 15:00 in London (BST); the stored row keeps both.
    data = report(occurred_at=datetime(2025, 7, 1, 14, 0, tzinfo=timezone.utc))
    assert data["occurred_at_local"] == "2025-07-01T15:00:00+01:00"
    assert "01 Jul 2025 15:00 BST" in alert_message(data)
    assert "01 Jul 2025 15:00 BST" in report_message(data)
