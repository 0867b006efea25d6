"""A relative time that lands on midnight is that moment, not a date with no time of day
(reading/when.py): "30 minuti fa" said at 00:30 was read as noon today, a time to come."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.london import LONDON
from reading.when import read_when

HALF_PAST_MIDNIGHT = datetime(2026, 12, 7, 0, 30, 17, tzinfo=LONDON)
MIDNIGHT = datetime(2026, 12, 7, 0, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("language", "text"),
    [("it", "30 minuti fa"), ("es", "hace 30 minutos"), ("zh", "30分钟前"), ("tr", "30 dakika önce")],
)
def test_half_an_hour_ago_at_half_past_midnight_is_midnight(language: str, text: str) -> None:
    reading = read_when(text, HALF_PAST_MIDNIGHT, language=language)
    assert not reading.in_future
    assert reading.moment == MIDNIGHT


def test_a_date_with_no_time_is_still_midday() -> None:
    reading = read_when("3 décembre", HALF_PAST_MIDNIGHT, language="fr")
    assert reading.moment == datetime(2026, 12, 3, 12, 0, tzinfo=LONDON)
