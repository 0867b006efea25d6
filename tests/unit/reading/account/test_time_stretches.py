"""When, said as a stretch of time ("for the past quarter of an hour", "four days straight"), as
"just" after who did it, or as "a moment ago"; a number counting things is not a clock time."""

from __future__ import annotations

import pytest

from tests.support.time_words import when


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "a cyclist has filmed our side gate from the corner for the past quarter of an hour",
            "for the past quarter of an hour",
        ),
        ("lorry parked across the loading bay, already forty minutes, no driver", "already forty minutes"),
        ("a rucksack was put by the bins within the last five minutes", "within the last five minutes"),
        ("a motorbike parked opposite the consulate 4 days straight, nobody near it", "4 days straight"),
        ("A box is in front of the door since 15 minute, nobody take it", "since 15 minute"),
        ("somebody flying a drone near the palace from 20 minutes", "from 20 minutes"),
    ],
)
def test_a_stretch_of_time_said_another_way(text: str, said: str) -> None:
    assert when(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("For the last four evenings a grey van has stopped outside at 9.30", "For the last four evenings"),
        (
            "Over the past fortnight a woman rang reception twice, the last time yesterday at about 4.10pm",
            "Over the past fortnight",
        ),
        (
            "On Monday and again on Wednesday a man with a clipboard stood at our gate about 10am",
            "On Monday and again on Wednesday",
        ),
        ("Five times this week a taxi has waited opposite, always around 11pm", "Five times this week"),
    ],
)
def test_a_stretch_said_first_is_when_it_keeps_happening(text: str, said: str) -> None:
    assert when(text) == said


def test_a_stretch_then_its_day_today_is_today() -> None:
    assert when("four days running a blue van has followed us, and again this morning") == "this morning"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("my brother just got attacked by 4 men near the market", "just"),
        ("the taxi has gone round about 8 times in the last half hour", "in the last half hour"),
    ],
)
def test_a_number_counting_things_is_not_a_clock_time(text: str, said: str) -> None:
    assert when(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "they just break the window of the shop and run",
        "a drone came over and it just drop a parcel in the garden",
        "we just hear three bangs outside",
    ],
)
def test_just_after_who_did_it_is_a_moment_ago(text: str) -> None:
    assert when(text) == "just"


@pytest.mark.parametrize(
    "text",
    [
        "I just want to ask about a man I saw",
        "he just stands by the gate looking",
        "it's just a bag by the gate",
    ],
)
def test_just_that_is_not_a_time(text: str) -> None:
    assert when(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("A woman fell from the ladder outside our shop a moment ago and is not moving", "a moment ago"),
        ("Somebody is climbing over the wall of the residence at this moment", "at this moment"),
    ],
)
def test_a_moment_ago_and_at_this_moment(text: str, said: str) -> None:
    assert when(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("For the past hour a grey Kia has stopped by the gate every few minutes", "For the past hour"),
        ("Last 4 mornings a man sat on the wall opposite with a notebook", "Last 4 mornings"),
        ("someone has filmed the side entrance for at least 20 minutes", "for at least 20 minutes"),
        ("a woman kept trying the back door over the weekend", "over the weekend"),
        ("the same van has been outside for weeks now, nobody moves it", "for weeks now"),
        ("a moped went past the gate, that's four times in 15 mins", "in 15 mins"),
        ("a lorry is parked on the zigzags since before 7, engine running", "since before 7"),
        # today said of it without a clock time is one day of the stretch
        (
            "For the last five days a drone has hovered over the roof. It's still there today",
            "For the last five days",
        ),
    ],
)
def test_a_stretch_said_without_a_moment_is_when(text: str, said: str) -> None:
    assert when(text) == said


def test_a_stretch_then_today_at_a_clock_time_is_that_time() -> None:
    assert (
        when("The last three evenings a man watched our door. Today at 2.15pm he came closer")
        == "Today at 2.15pm"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Last night in the bar on Eccleston Street a man asked my friend about the guards, around 11",
            "Last night",
        ),
        ("On Thursday, while we queued for the museum, at about 2pm a woman filmed the gate", "On Thursday"),
    ],
)
def test_a_clock_time_said_apart_from_its_day_is_read_with_the_day(text: str, said: str) -> None:
    assert when(text) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("On Wednesday 2nd at about 10:40 a man measured our gate", "On Wednesday 2nd at about 10:40"),
        (
            "Monday the 30th of November, around 9am, a drone hovered over the roof",
            "Monday the 30th of November, around 9am",
        ),
    ],
)
def test_a_day_of_the_month_is_said_with_its_weekday_and_time(text: str, said: str) -> None:
    assert when(text) == said


def test_an_ordinal_alone_counts_and_is_no_day() -> None:
    assert when("that's the 4th time the van has gone past since 1pm") == "since 1pm"
