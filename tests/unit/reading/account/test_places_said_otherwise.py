"""Where, said the ways people say it: shouted in capitals, "X tube", a building called "X House"
or "X Barracks", a train and the way it was going, a place pinned down by what it is opposite or
under, a typo in "commission"; where they came from or went to is not where it happened."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "SOMEONE IS CLIMBING OVER THE RAILINGS ON LAMBETH BRIDGE RIGHT NOW",
            "THE RAILINGS ON LAMBETH BRIDGE",
        ),
        ("a man just got stabbed outside Clapham North tube, hes on the floor", "Clapham North tube"),
        (
            "two men measuring the steps outside Somerset House with a tape and writing it down",
            "the steps outside Somerset House",
        ),
        ("drone with flashing red lights over Chelsea Barracks around 2am", "Chelsea Barracks"),
        (
            "theres a man on the piccadilly line between green park and hyde park corner shouting he has a bomb",
            "piccadilly line between green park and hyde park corner",
        ),
        (
            "Bag with wires left on a seat on the 08:15 Waterloo to Reading, carriage 3, nobody near it",
            "08:15 Waterloo to Reading, carriage 3",
        ),
        (
            "a woman filming near the bus stops on Edgware Road opposite the big Tesco, black coat",
            "the bus stops on Edgware Road opposite the big Tesco",
        ),
        (
            "ther was a man tkaing pics of the securty guards at the nigerian high comision on northumberland avenue",
            "the nigerian high comision on northumberland avenue",
        ),
        (
            "suitcase on its own on the concourse at Euston under the departures board",
            "the concourse at Euston under the departures board",
        ),
        (
            "I drive for the Embassy of Peru, Sloane Street. Yesterday a van followed us from the embassy to "
            "Hyde Park Corner.",
            "the Embassy of Peru, Sloane Street",
        ),
        (
            "im a guard at one of the embassies on belgrave square and a man tried our side gate, then he got "
            "into a car parked on chapel street",
            "the embassies on belgrave square",
        ),
        (
            "Just heard a huge bang from the direction of Lambeth Bridge, our windows rattled",
            "Lambeth Bridge",
        ),
    ],
)
def test_a_place_said_another_way_is_read(text: str, location: str) -> None:
    assert read_account(text, NOW).location == location


def test_where_they_were_dropped_is_where_they_went_not_the_place() -> None:
    account = read_account(
        "i picked up two men from paddington who had me drive past the israeli embassy in kensington twice "
        "filming it, then i dropped them at notting hill gate",
        NOW,
    )
    assert account.location == "the israeli embassy in kensington" and account.place == "Embassy of Israel"
    assert account.direction == "at notting hill gate"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("two lads sat on a bench on tooting common filming the police van", "a bench on tooting common"),
        ("a man was shouting threats outside the church on muswell hill", "the church on muswell hill"),
        (
            "someone keeps parking a van on lonsdale sqaure by the embassy gates",
            "lonsdale sqaure by the embassy gates",
        ),
    ],
)
def test_a_street_typed_in_lower_case_or_misspelt_is_a_place(text: str, location: str) -> None:
    assert read_account(text, NOW).location == location


def test_the_entrance_to_a_place_is_one_place_with_it() -> None:
    account = read_account(
        "a woman was filming the main entrance to the Royal Opera House on Bow Street", NOW
    )
    assert account.location == "the main entrance to the Royal Opera House on Bow Street"


def test_from_one_place_to_another_is_still_a_route() -> None:
    account = read_account("he walked from the embassy to Park Lane filming the cars", NOW)
    assert account.location != "the embassy to Park Lane"


def test_white_city_is_not_city_airport() -> None:
    account = read_account("someone left a suitcase at the Westfield in White City by the escalators", NOW)
    assert account.place != "City Airport"
