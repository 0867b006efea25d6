"""Where, when the gazetteer does not know the place: a name after "outside" or "at", an address
with its number, "<Name> of <Name>", a landmark's shape ("X Pier", "X Palace"), a shop by its trade,
a bus by its number, a numbered platform; a name the gazetteer or a street's shape gives beats one
guessed, and a time after "at" is no place."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("a woman was counting the cameras outside Fenwicks with a clicker", "Fenwicks"),
        ("someone left a suitcase at Stratford International and walked off", "Stratford International"),
        ("a man with a drone was flying it over Dolphin Pier this morning", "Dolphin Pier"),
        ("I saw a man sketching the gates near Fulham Palace for an hour", "the gates near Fulham Palace"),
        ("at 12 Carlton Terrace two men tried every door handle", "12 Carlton Terrace"),
        (
            "a man was filming the side door of the Museum of Water for ages",
            "the side door of the Museum of Water",
        ),
        (
            "I run the newsagents on Chapel Road and a man asked which way the guards patrol",
            "the newsagents on Chapel Road",
        ),
        (
            "on the 73 between Angel and Euston a man was filming the driver's cab",
            "73 between Angel and Euston",
        ),
        (
            "there's a bag on platform 9 at Clapham Junction with nobody near it",
            "platform 9 at Clapham Junction",
        ),
        (
            "the french embassy, 58 Knightsbridge, has a man filming the gate",
            "the french embassy, 58 Knightsbridge",
        ),
        (
            "car going round and round the embassy on south audley st for an hour",
            "the embassy on south audley st",
        ),
        (
            "a man was photographing the fountain in Soames Square all morning",
            "the fountain in Soames Square",
        ),
    ],
)
def test_a_place_the_gazetteer_does_not_know_is_read(text: str, location: str) -> None:
    assert read_account(text, NOW).location == location


def test_a_name_the_gazetteer_gives_beats_a_guessed_one() -> None:
    account = read_account(
        "I clean an office near Victoria. A man stands at the bus stop opposite the office "
        "on Buckingham Palace Road every night watching the doors",
        NOW,
    )
    assert account.location == "the bus stop opposite the office on Buckingham Palace Road"


@pytest.mark.parametrize(
    "text",
    ["a man was watching the gates at Christmas", "we spoke at Monday's meeting about a man filming"],
)
def test_a_time_after_at_is_no_place(text: str) -> None:
    location = read_account(text, NOW).location or ""
    assert "Christmas" not in location and "Monday" not in location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("a man left a rucksack in our visa waiting room and walked out", "our visa waiting room"),
        ("two men at a costume hire shop asked for police caps", "a costume hire shop"),
        ("a man with a bag was shouting in the 2nd floor corridor", "the 2nd floor corridor"),
        (
            "a woman knocked at the residence in St John's Wood asking odd questions",
            "the residence in St John's Wood",
        ),
        ("I was waiting outside the Savoy when a man photographed the plates", "the Savoy"),
    ],
)
def test_a_place_with_its_description_before_and_its_name_after(text: str, location: str) -> None:
    assert read_account(text, NOW).location == location


def test_where_they_came_from_says_less_than_where_it_was() -> None:
    text = "Walking from Green Park station I saw a man on Half Moon Street filming the guards"
    assert read_account(text, NOW).location == "Half Moon Street"


def test_a_vehicle_described_with_with_ends_where_it_was() -> None:
    account = read_account("a grey van with no plates parked outside the Peruvian embassy since Monday", NOW)
    assert account.vehicle == "a grey van with no plates"
    assert account.location == "the Peruvian embassy"


def test_a_street_said_as_ones_own_is_a_place() -> None:
    text = "someone was taking pictures of the embassy cameras on my street this morning"
    assert read_account(text, NOW).location == "my street"
