"""A registration read out character by character (reading/account/spoken_plate.py). Sentences
written for this test."""

from __future__ import annotations

import pytest

from reading.account import read_account


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("a black golf keeps stopping by the gate registration is b d 6 8 h t r", "BD68HTR"),
        ("the van's reg was kilo tango one seven papa lima echo full stop it had no logo", "KT17PLE"),
        ("a silver car went past five times the plate was W N 2 2 Y O P I think", "WN22YOP"),
        ("reg number is golf hotel seven zero alpha bravo charlie, driver in a cap", "GH70ABC"),
    ],
)
def test_a_plate_read_out_is_the_registration(text: str, plate: str) -> None:
    assert read_account(text).registration == plate


@pytest.mark.parametrize(
    "text",
    [
        "the plate was covered with mud so I couldn't read it",
        "he took a plate of food and sat by the gate with a b and c written on a card",
    ],
)
def test_no_plate_read_out_is_no_registration(text: str) -> None:
    assert read_account(text).registration is None
