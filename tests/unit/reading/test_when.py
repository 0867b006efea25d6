"""When it happened, resolved in Europe/London (reading/when.py), with a fixed `now` in GMT and in BST."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from reading.london import LONDON
from reading.when import names_a_place, read_when

WINTER = datetime(2026, 1, 15, 10, 0, tzinfo=LONDON)  # GMT, +00:00
SUMMER = datetime(2026, 7, 15, 10, 0, tzinfo=LONDON)  # BST, +01:00


@pytest.mark.parametrize(
    "text,winter,summer",
    [
        ("at 3pm", "2026-01-14T15:00:00+00:00", "2026-07-14T15:00:00+01:00"),
        ("yesterday about 3pm", "2026-01-14T15:00:00+00:00", "2026-07-14T15:00:00+01:00"),
        ("10 minutes ago", "2026-01-15T09:50:00+00:00", "2026-07-15T09:50:00+01:00"),
        ("just now", "2026-01-15T10:00:00+00:00", "2026-07-15T10:00:00+01:00"),
        ("a couple of hours back", "2026-01-15T08:00:00+00:00", "2026-07-15T08:00:00+01:00"),
        # The part-of-day rules: morning 09:00, evening 19:00, night 22:00, a bare "11" at night is 11pm.
        ("this morning", "2026-01-15T09:00:00+00:00", "2026-07-15T09:00:00+01:00"),
        ("yesterday evening", "2026-01-14T19:00:00+00:00", "2026-07-14T19:00:00+01:00"),
        ("last night around 11", "2026-01-14T23:00:00+00:00", "2026-07-14T23:00:00+01:00"),
        ("half past two yesterday", "2026-01-14T14:30:00+00:00", "2026-07-14T14:30:00+01:00"),
        ("quarter to 9 this morning", "2026-01-15T08:45:00+00:00", "2026-07-15T08:45:00+01:00"),
        # Calendar dates go to dateparser, day first as in the UK; the offset is the one of that date.
        ("on the 3rd of march at 4pm", "2025-03-03T16:00:00+00:00", "2026-03-03T16:00:00+00:00"),
        ("12/07 2pm", "2025-07-12T14:00:00+01:00", "2026-07-12T14:00:00+01:00"),
        ("3rd march", "2025-03-03T12:00:00+00:00", "2026-03-03T12:00:00+00:00"),
    ],
)
def test_times_resolve_in_london_with_the_offset_of_the_day(text, winter, summer):
    assert read_when(text, WINTER).iso == winter
    assert read_when(text, SUMMER).iso == summer


def test_three_pm_in_summer_is_three_pm_london_time_not_utc():
    reading = read_when("at 3pm", SUMMER)
    assert reading.moment is not None and reading.moment.hour == 15 and reading.iso.endswith("+01:00")
    assert reading.moment.astimezone(timezone.utc).hour == 14


def test_elapsed_time_counts_across_the_clock_change():
    # 2026-03-29 01:00 GMT the clocks went forward: 02:30 BST is 1h30 after 00:00 GMT.
    after_change = datetime(2026, 3, 29, 2, 30, tzinfo=LONDON)
    assert read_when("2 hours ago", after_change).iso == "2026-03-28T23:30:00+00:00"


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow",
        "tomorrow at 3",
        "next week",
        "next tuesday",
        "in 10 minutes",
        "later today",
        "2027-01-01",
        "today at 5pm",
        "on the 20th",
    ],
)
def test_a_time_still_to_come_is_flagged_not_stored(text):
    reading = read_when(text, SUMMER)
    assert reading.in_future and reading.moment is None and reading.iso is None


@pytest.mark.parametrize(
    "text", ["purple", "outside the embassy", "tall man grey hoodie", "", "he may have been 30"]
)
def test_no_time_in_the_words(text):
    reading = read_when(text, SUMMER)
    assert reading.moment is None and not reading.in_future


def test_now_defaults_to_the_current_time_in_london():
    reading = read_when("just now")
    assert reading.moment is not None and reading.moment.tzinfo == LONDON


SMALL_HOURS = datetime(2026, 11, 26, 1, 18, tzinfo=LONDON)  # after midnight, before sleep


@pytest.mark.parametrize(
    "text,expected",
    [
        ("around quarter past two this afternoon", "2026-11-25T14:15:00+00:00"),
        ("this afternoon", "2026-11-25T15:00:00+00:00"),
        ("this evening about 8", "2026-11-25T20:00:00+00:00"),
        ("tonight at 11", "2026-11-25T23:00:00+00:00"),
        ("today at 5pm", "2026-11-25T17:00:00+00:00"),
        ("at 1am", "2026-11-26T01:00:00+00:00"),  # already past: tonight's, not yesterday's
        ("10 minutes ago", "2026-11-26T01:08:00+00:00"),
        ("thursday at 3pm", "2026-11-19T15:00:00+00:00"),  # a weekday named is still a week back
    ],
)
def test_in_the_small_hours_today_means_the_day_just_gone(text, expected):
    assert read_when(text, SMALL_HOURS).iso == expected


def test_after_the_small_hours_a_later_time_today_is_still_to_come():
    morning = datetime(2026, 11, 26, 9, 0, tzinfo=LONDON)
    assert read_when("this afternoon at 3pm", morning).in_future
    assert read_when("today at 5pm", morning).in_future


@pytest.mark.parametrize(
    "text,expected",
    [
        # "yesterday 4": the hour, not yesterday's midday
        ("yesterday 4", "2026-01-14T16:00:00+00:00"),
        ("yesterday, 4", "2026-01-14T16:00:00+00:00"),
        ("yesterday 4 o'clock", "2026-01-14T16:00:00+00:00"),
        ("yesterday 4ish", "2026-01-14T16:00:00+00:00"),
        ("like 9ish this morning", "2026-01-15T09:00:00+00:00"),
        ("half 2ish yesterday", "2026-01-14T14:30:00+00:00"),
        ("20ish minutes ago", "2026-01-15T09:40:00+00:00"),
        # a number that is not an hour stays out of it
        ("yesterday 2 men were filming", "2026-01-14T12:00:00+00:00"),
    ],
)
def test_a_bare_hour_after_a_day_word_or_with_ish_is_a_clock_time(text, expected):
    assert read_when(text, WINTER).iso == expected


@pytest.mark.parametrize("text", ["Mount Street", "sw1x 8pq", "SW1X", "by the embassy", "parliament square"])
def test_a_place_given_as_the_time_is_recognised(text):
    assert names_a_place(text) and read_when(text, WINTER).moment is None


@pytest.mark.parametrize("text", ["a while back", "the other day", "on my way to work", "not long ago"])
def test_vague_times_are_not_places(text):
    assert not names_a_place(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "this lunchtime",
            "2026-11-25T13:00:00+00:00",
        ),  # said at 02:22: the lunchtime just gone, not the moment it was said
        ("at lunchtime", "2026-11-25T13:00:00+00:00"),
    ],
)
def test_lunchtime_in_the_small_hours_is_yesterdays(text, expected):
    assert read_when(text, datetime(2026, 11, 26, 2, 22, tzinfo=LONDON)).iso == expected


def test_a_part_of_the_day_still_to_come_with_no_day_word_is_yesterdays():
    # like "at 3pm" said at 10am: reports are about the past
    assert read_when("in the evening", WINTER).iso == "2026-01-14T19:00:00+00:00"
    assert read_when("at lunchtime", WINTER).iso == "2026-01-14T13:00:00+00:00"


@pytest.mark.parametrize(
    "text", ["for about 5 mins", "lasted roughly 40 minutes", "spent 10 mins there", "for 2 hrs"]
)
def test_how_long_it_lasted_is_not_when(text):
    assert read_when(text, WINTER).moment is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("for around 20 minutes at 3pm", "2026-01-14T15:00:00+00:00"),
        ("it went on about 10 mins, around 2", "2026-01-14T14:00:00+00:00"),
        ("yesterday at 4, he stood there for 15 minutes", "2026-01-14T16:00:00+00:00"),
        ("at 09:30 hrs", "2026-01-15T09:30:00+00:00"),
    ],
)
def test_a_duration_beside_a_clock_time_leaves_the_clock_time(text, expected):
    assert read_when(text, WINTER).iso == expected


@pytest.mark.parametrize("text", ["a moment ago", "moments ago", "at this moment", "at this very moment"])
def test_a_moment_ago_is_now(text):
    assert read_when(text, WINTER).moment == WINTER


NOW_FOR_CLOCKS = datetime(2026, 12, 6, 23, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("at 6 this morning", 6, 0),  # a bare hour in the morning is before noon
        ("just before 7 this morning", 7, 0),
        ("ten to four", 15, 50),  # minutes said in words, to or past the hour
        ("20 past 6", 18, 20),
        ("twenty-five past 11", 11, 25),
    ],
)
def test_spoken_clock_times_and_morning_hours(text: str, hour: int, minute: int) -> None:
    moment = read_when(text, NOW_FOR_CLOCKS).moment
    assert moment is not None and (moment.hour, moment.minute) == (hour, minute)
