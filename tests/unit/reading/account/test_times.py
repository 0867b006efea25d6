"""When in an account: the time words as said and the moment they name, the most precise first;
a greeting is no time."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.account.times import time_words
from reading.entities import extract_entities, pipeline
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 16, 0, tzinfo=LONDON)


def when(text: str) -> tuple[str | None, str | None]:
    said = time_words(pipeline().make_doc(text), extract_entities(text), NOW)
    return (said.words, said.iso) if said is not None else (None, None)


def test_the_time_words_as_said_and_the_moment_in_london():
    assert when("about 20 minutes ago I saw a man filming") == (
        "about 20 minutes ago",
        "2026-12-06T15:40:00+00:00",
    )
    assert when("yesterday around 3pm two men took photos") == (
        "yesterday around 3pm",
        "2026-12-05T15:00:00+00:00",
    )


def test_a_clock_time_says_more_than_now():
    assert when("he is there now, he arrived at 3pm") == ("at 3pm", "2026-12-06T15:00:00+00:00")


def test_a_greeting_is_not_a_time():
    assert when("Good afternoon. Someone tried all the doors.") == (None, None)


def test_an_age_is_not_a_time_and_just_is_a_moment_ago():
    assert when("Yesterday a man shouted at the gate. He was about 60, grey hair")[0] == "Yesterday"
    said, iso = when("someone just threw something over the wall")
    assert said == "just" and iso is not None


def test_a_count_of_minutes_is_how_long_not_a_clock_time():
    assert when("a van has been out there roughly 12 mins with the engine running") == (
        "been out there roughly 12 mins",
        None,
    )
    assert when("the man has been sat there about 9 min") == ("been sat there about 9 min", None)
    said, iso = when("She stood at the gate for about 5 mins at 2pm taking photos")
    assert iso == "2026-12-06T14:00:00+00:00"


def test_a_stretch_of_time_is_said_as_one():
    assert when("a grey estate has been parked across from the consulate all week")[0] == "all week"
    assert when("someone flies a drone over the mission most afternoons")[0] == "most afternoons"
    assert (
        when("the same cyclist has stopped at our gate four evenings in a row")[0] == "four evenings in a row"
    )
    assert when("Sorry, a box is by our door since 3 hours, nobody take it")[0] == "since 3 hours"


def test_a_day_named_beats_the_stretch_it_is_in():
    said, iso = when("All week we had odd callers, and on Tuesday one of them came to the door")
    assert said == "on Tuesday" or said == "Tuesday"
    assert iso is not None and iso.startswith("2026-12-01")


def test_a_stretch_then_the_days_in_it_are_not_one_time():
    said, _ = when("Three days in a row, Monday and Tuesday at about 4pm, a man filmed the gate")
    assert "4pm" in said and "in a row" not in said


def test_a_time_typed_short_is_read():
    assert when("this morng someone left a bag by the lift")[1] == "2026-12-06T09:00:00+00:00"


def test_the_time_is_where_the_text_says_it():
    text = "I know that man, he is at the gate now"
    said = time_words(pipeline().make_doc(text), extract_entities(text), NOW)
    assert said is not None and said.words == "now"
    assert said.span.text == "now" and said.span.start == len(pipeline().make_doc(text)) - 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Night porter at a hotel. Around midnight a guest asked about the embassy", "Around midnight"),
        ("a bag has been by the gate for about thirty five minutes", "for about thirty five minutes"),
        ("he has been staying in the flat for a month", "for a month"),
        ("a man on the wall, been like an hour, still there now", "been like an hour"),
        ("the drone has been up bout 15 mins", "been up bout 15 mins"),
        ("a man has just taken out a knife", "just"),
        ("i was cycling home at like ten when a car stopped", "at like ten"),
        ("someone took photos of the gate this morn", "this morn"),
    ],
)
def test_time_words_said_in_more_ways(text: str, said: str) -> None:
    assert when(text)[0] == said


def test_times_next_to_each_other_are_one_time():
    said, iso = when("Yesterday just after lunch, around 2pm, a man tried the side door")
    assert said == "Yesterday just after lunch, around 2pm" and iso == "2026-12-05T14:00:00+00:00"
    said, iso = when("yesterday at about four in the afternoon a man filmed the gate")
    assert said == "yesterday at about four in the afternoon" and iso is not None


def test_something_said_to_happen_again_and_again_is_when_as_told():
    assert (
        when("A man sits opposite every day this week writing. Today he was there again")[0]
        == "every day this week"
    )
    assert when("a drone over the garden every evening this week around 8, we never see who")[0] == (
        "every evening this week around 8"
    )
    assert (
        when("Three times this week the same man sat on our bench, today too")[0] == "Three times this week"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Evening. Bit odd maybe but a grey van has been parked opposite the gate with two men watching it",
        "Morning all, someone was sketching the embassy doors",
        "Afternoon! a drone was hovering over the chancery",
    ],
)
def test_a_part_of_the_day_that_opens_the_message_alone_greets(text):
    assert read_account(text).when is None
