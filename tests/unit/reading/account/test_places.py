"""Where in an account: the place as said, the gazetteer's name for it, whether it is named, and
whether it is said as the site where it happened; never where they went."""

from __future__ import annotations

import pytest

from reading.account import read_account
from reading.account.places import location
from reading.entities import extract_entities, pipeline


def where(text: str):
    return location(pipeline().make_doc(text), text, extract_entities(text), [])


def test_a_named_place_is_read_with_the_gazetteer_s_name():
    found = where("I saw a man filming the gates of the Saudi embassy on Curzon Street yesterday")
    assert found is not None and found.named
    assert found.words == "the gates of the Saudi embassy on Curzon Street"
    assert found.place == "Embassy of Saudi Arabia"


def test_our_own_gate_is_a_place_without_a_name_and_no_place_is_none():
    found = where("a man kept walking past our staff entrance")
    assert found is not None and not found.named and "staff entrance" in found.words
    assert where("a man asked me what time it was") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "some1 was tryin the handle at the side door of the consulate last nite",
            "the side door of the consulate",
        ),
        ("A parcel was left in our post room this morning with no name on it", "our post room"),
        (
            "there is man taking photo of the bus stop on Kensington High Street since one hour",
            "the bus stop on Kensington High Street",
        ),
        (
            "i think a guy was filming from the roof of the hotel next to the embassy",
            "the roof of the hotel next to the embassy",
        ),
        (
            "Saw a woman sketching the entrance at the Ghanaian High Commission, she had a notebook",
            "the entrance at the Ghanaian High Commission",
        ),
        ("I am working at embassy of Chile. A man is looking our cameras very long time", "embassy of Chile"),
        (
            "two lads in the car park behind the ministry building were trying car doors",
            "the car park behind the ministry building",
        ),
    ],
)
def test_a_place_is_read_as_one_phrase(text: str, place: str) -> None:
    assert read_account(text).location == place


@pytest.mark.parametrize(
    "text",
    [
        "a man filmed our gate for ten minutes then walked off towards Marble Arch",
        "She asked the guard questions, after she go away walking to Hyde Park",
        "he was taking pictures of the embassy and drove off towards Sloane Square",
    ],
)
def test_where_they_went_is_not_where_it_was(text: str) -> None:
    account = read_account(text)
    assert account.place not in ("Marble Arch", "Hyde Park", "Sloane Square"), account.location


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("someone was hanging around outside our embassy gate", True),
        ("a guy stood near the Kenyan High Commission filming", True),
        ("a cab pulled up and the passenger took photos of the gate barrier", False),
        ("someone was hanging around outside our staff entrance", False),  # which building?
        ("a man by the bollards took pictures", False),
    ],
)
def test_a_site_said_as_where_it_was_is_stated(text: str, stated: bool) -> None:
    assert read_account(text).location_stated is stated


def test_a_part_of_a_car_is_not_a_place() -> None:
    assert read_account("bloke smashing car windows outside our office").location == "our office"
    assert read_account("fight kicking off outside the station").location == "the station"
