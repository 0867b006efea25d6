"""Where it happened is read as one place phrase, with or without a name, never where they went."""

from __future__ import annotations

import pytest

from reading.account import read_account


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
