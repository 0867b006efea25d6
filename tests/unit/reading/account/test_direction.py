"""Where they went, said the ways people say it: a moving verb with "off" or "away", slang for
leaving, getting off or being dropped somewhere, the bus they took, leaving by an exit."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("two boys hit a man with a bottle near the station, then the boys run to the canal", "to the canal"),
        (
            "last week on the tube a woman kept asking me how many guards the embassy has. she got off at "
            "oxford circus",
            "at oxford circus",
        ),
        (
            "im a cabbie, picked up two fellas who had me drive past the embassy twice filming, i dropped them "
            "at marble arch",
            "at marble arch",
        ),
        (
            "a man at the bus stop on Victoria Street said he wanted to bomb parliament, then he got on the 36 "
            "bus and went",
            "on the 36 bus",
        ),
        (
            "A man asked our staff which entrances have no barriers. He left by the Victoria Street exit.",
            "by the Victoria Street exit",
        ),
        ("the drone dropped a package into the courtyard and flown off toward the river", "toward the river"),
        ("the lad took pics of the cctv then pegged it down the high street", "down the high street"),
        (
            "some guy snapping the gates jumped on a moped and bombed it towards the old kent road",
            "towards the old kent road",
        ),
    ],
)
def test_where_they_went_said_another_way(text: str, direction: str) -> None:
    account = read_account(text, NOW)
    assert account.direction == direction


def test_leaving_by_a_time_is_no_direction() -> None:
    account = read_account("the man filming the embassy gate left by 5pm", NOW)
    assert account.direction is None


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("the lorry is pulling away east towards the docks, I can see it", "east towards the docks"),
        ("guard told him to move and he bounced up Sloane Street", "up Sloane Street"),
        ("I am taxi driver, I drop him at Paddington station after", "at Paddington station"),
    ],
)
def test_leaving_said_in_the_present_or_in_slang(text: str, way: str) -> None:
    assert read_account(text, NOW).direction == way


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("she drove off north about 12", "north"),
        ("they drove off towards Park Lane at 3pm", "towards Park Lane"),
        ("he went off towards Victoria at 5.40 and I lost him", "towards Victoria"),
        ("2 guys sped off up to oxford st about 10 min ago", "up to oxford st"),
        ("he walked off towards Downing Street at 10", "towards Downing Street"),
    ],
)
def test_a_time_said_after_the_way_is_not_part_of_it(text: str, way: str) -> None:
    assert read_account(text).direction == way
