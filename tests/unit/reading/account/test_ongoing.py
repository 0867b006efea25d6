"""Whether it is still going on, from the tenses of an account (reading/account/ongoing.py).

Sentences written for this test."""

from __future__ import annotations

import pytest

from reading.account.ongoing import doing, ongoing
from reading.entities import pipeline


def _ongoing(text: str, item_left: bool = False) -> str | None:
    return ongoing(pipeline().make_doc(text), None, None, item_left)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a man is still filming the gate", "yes"),
        ("there's black smoke coming out the back door", "yes"),
        ("a woman was filming the gate then she walked off", "no"),
        ("two lads ran off. the guards are trying to put it out", "yes"),
        ("a man in a red cap near the fountain", None),
    ],
)
def test_the_last_thing_said_about_it_decides_and_still_wins(text, expected):
    assert _ongoing(text) == expected


def test_an_item_left_stays_there_until_something_is_said_about_the_item():
    assert (
        _ongoing("a man left a holdall by the bench and walked off, its still sitting there", True) == "yes"
    )
    assert _ongoing("a man left a holdall by the bench, then security took it away", True) == "no"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("filming", True), ("smackin", True), ("building", False), ("morning", False), ("captain", False)],
)
def test_a_doing_word_in_any_spelling_is_not_a_thing(word, expected):
    assert doing(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for ten minutes a man has been kicking at the fire door", "yes"),
        ("the lad is not moving and his friend is screaming", "yes"),
        ("two men drove off. it's been worrying me all day", "no"),
        ("a man on the tube said the bank 'is going down tonight' and got off", None),
    ],
)
def test_begun_and_going_on_but_not_the_speakers_worry_nor_quoted_speech(text, expected):
    assert _ongoing(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a blue Astra has been going round the square for about forty minutes",
        "this bloke's been stood by the side gate for half an hour, just staring",
        "a motorbike parked on the pavement opposite our door since Sunday, nobody touches it",
        "theres been a drone over the museum roof since about 8",
        "two men photographing the barriers from the bench, already twenty minutes",
        "someone filming our staff entrance for the last 15 mins",
    ],
)
def test_a_stretch_up_to_now_is_still_going_on(text: str) -> None:
    assert _ongoing(text) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "a grey van had been parked outside for an hour, then it drove away",
        "a van has been outside since 9, and now they drive away towards the river",
        "a woman asked about our guards and left. it has been on my mind since",
        "he asked which door the ambassador uses, then turned left and we have not seen him since",
    ],
)
def test_a_stretch_that_ended_or_the_speakers_own_is_not_going_on(text: str) -> None:
    assert _ongoing(text) != "yes"


def test_a_leaving_denied_is_no_leaving() -> None:
    assert _ongoing("he's been at the stop since 7 and hasnt got on a single bus") == "yes"
