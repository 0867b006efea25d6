"""When, said as a date with its weekday, day number and month ("On Friday 8 November at 16:20"),
read whole; a house number before a street's name is not a clock time."""

from __future__ import annotations

import pytest

from tests.support.time_words import when


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "On Wednesday 2 December at about 10:45 a man in a cap photographed our loading bay.",
            "On Wednesday 2 December at about 10:45",
        ),
        (
            "I noticed, on Monday 30 November, at around 09:15, a woman sketching the gate.",
            "on Monday 30 November, at around 09:15",
        ),
        ("a van circled the square twice on 1 December", "1 December"),
    ],
)
def test_a_date_with_its_day_number_and_month_is_read_whole(text: str, said: str) -> None:
    assert when(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Writing from the office at 22 Belgrave Square: this morning a man filmed the gates.",
            "this morning",
        ),
        ("the porter at 7 queens gate mews saw a drone over the roof about an hour ago", "about an hour ago"),
        ("outside 5-7 Kinnerton Street yesterday evening two men tried the side door", "yesterday evening"),
    ],
)
def test_a_house_number_is_not_a_clock_time(text: str, said: str) -> None:
    assert when(text) == said


def test_a_clock_time_before_a_place_said_with_on_stays_a_time() -> None:
    assert when("at 5 on Oxford Street a man filmed the bank") == "at 5"
