"""What every linking rule shares: which categories are alike, and how far apart two reports are."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from servator.linking.candidates import days_apart, similar_categories


@pytest.mark.parametrize(
    "a,b,similar",
    [
        ("surveillance", "surveillance", True),
        ("surveillance", "testing_security", True),  # both hostile reconnaissance
        ("eliciting_information", "surveillance", True),
        ("unattended_item", "unattended_item", True),
        ("unattended_item", "surveillance", False),
        ("other", "other", False),
        ("acquiring_materials", "expressed_threat", False),
    ],
)
def test_categories_are_similar_within_one_family_and_other_is_like_nothing(a, b, similar):
    assert similar_categories(a, b) is similar
    assert similar_categories(b, a) is similar


def test_days_apart_is_the_same_either_way_round():
    noon = datetime(2026, 7, 1, 12, tzinfo=timezone.utc)
    assert days_apart(noon, noon + timedelta(hours=36)) == 1.5
    assert days_apart(noon + timedelta(hours=36), noon) == 1.5
