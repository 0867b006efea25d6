"""Where they went: a street said in lower case after a way ("up cadogan place"), two ways said as
one ("along X and into Y"), and more ways of moving ("ducked into", "made their way")."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("the man with the camera then went up cadogan place", "up cadogan place"),
        ("after filming the gate he ducked into soho", "into soho"),
        (
            "he cycled off along Birdcage Walk and into St James's Park",
            "along Birdcage Walk and into St James's Park",
        ),
        ("the two of them made their way towards the river", "towards the river"),
    ],
)
def test_where_they_went(text: str, direction: str) -> None:
    assert read_account(text, NOW).direction == direction


def test_moving_about_the_place_is_still_no_direction() -> None:
    assert read_account("a man kept walking round the embassy filming it", NOW).direction is None
