"""Where, as premises with the street they are on: a place above or next to another one, the
speaker said in passing between them ("the houses opposite me on X"), a street named like a car
make ("Vauxhall Bridge Road"), premises people name ("the bookies", "the flats")."""

from __future__ import annotations

import pytest

from reading.account import read_account


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "smoke coming out of the flats above the bakery on Mill Lane",
            "the flats above the bakery on Mill Lane",
        ),
        (
            "a man with a knife in the shop below the gym on Eden Grove",
            "the shop below the gym on Eden Grove",
        ),
        ("The houses opposite me on Ashley Road are on fire", "The houses opposite me on Ashley Road"),
        (
            "two men on the roof of the building next to ours on Hill Street",
            "the roof of the building next to ours on Hill Street",
        ),
        (
            "the cafe next door to us on Lamb Street is full of smoke",
            "the cafe next door to us on Lamb Street",
        ),
    ],
)
def test_premises_by_another_or_by_the_speaker_with_the_street(text: str, location: str) -> None:
    assert read_account(text).location == location


def test_a_street_named_like_a_car_make_is_a_place_not_a_vehicle() -> None:
    account = read_account("a suitcase left at the bus stop on Vauxhall Bridge Road, nobody with it")
    assert account.location == "the bus stop on Vauxhall Bridge Road" and account.vehicle is None
    assert read_account("a red Vauxhall Corsa parked on the corner").vehicle == "a red Vauxhall Corsa"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("two lads fighting outside the bookies, one has a bottle", "the bookies"),
        ("my colleague got hurt in the stockroom, the guy ran off", "the stockroom"),
        ("a man on a balcony is pointing something at the street", "a balcony"),
    ],
)
def test_premises_people_name(text: str, location: str) -> None:
    assert read_account(text).location == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("the bloke on the 24 was threatening everyone", "the 24"),
        ("on the 88 this arvo a man kept saying loud the embassy should burn", "the 88"),
        ("a guy on the 12 bus going thru camden town had a knife", "12 bus going thru camden town"),
    ],
)
def test_a_bus_by_its_number_and_the_way_it_was_going(text: str, location: str) -> None:
    assert read_account(text).location == location


@pytest.mark.parametrize(
    "text", ["it happened on the 3 of May at the gate", "they left on the 5 minute walk to the gate"]
)
def test_a_date_or_a_count_is_no_bus(text: str) -> None:
    assert read_account(text).location == "the gate"


def test_a_train_by_its_time_is_no_bus_number() -> None:
    text = "a holdall left on a seat on the 07:40 Euston to Watford, carriage 2, nobody near it"
    assert read_account(text).location == "07:40 Euston to Watford, carriage 2"
