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
