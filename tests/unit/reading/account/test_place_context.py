"""Where it happened, when the account names more than one place: the speaker's own place (where
they work, live or sit) yields to the place where the thing was done; the place after what was
done to it is kept ("the bins behind the library"); a route or a corner is one place; lower-case
London names are names; a district alone yields to a street said in the same account."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


def _where(text: str) -> str:
    return read_account(text, NOW).location or ""


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (  # where the speaker works, then where it happened
            "I'm a porter at a hotel on Sussex Gardens. Tonight a man was standing at the back gate of "
            "the consulate on Hyde Park Street taking pictures",
            "the back gate of the consulate on Hyde Park Street",
        ),
        (
            "I work in a bakery in Fulham and on my way in a drone was hovering over Lambeth Bridge",
            "Lambeth Bridge",
        ),
        (
            "We live on Ennismore Gardens. Two men were measuring the railings outside the embassy on "
            "Prince's Gate yesterday",
            "the railings outside the embassy on Prince's Gate",
        ),
        (
            "I teach at a primary school in Pimlico, and this morning a man was filming at the side "
            "entrance of Thames House",
            "the side entrance of Thames House",
        ),
        (
            "From my office window on Marsham Street I could see a woman photographing the barrier "
            "outside the Home Office",
            "the barrier outside the Home Office",
        ),
    ],
)
def test_the_speakers_own_place_yields_to_where_it_was_done(text: str, location: str) -> None:
    assert _where(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (  # what happened was at the speaker's place: a part of it said without a name is no other place
            "I manage a pharmacy on Warwick Way. A man came in twice today asking about peroxide and "
            "stood by the door for ages",
            "a pharmacy on Warwick Way",
        ),
        (
            "I'm the receptionist at a hotel on Harley Street. A woman waited at the front "
            "desk asking which embassy staff stay here",
            "a hotel on Harley Street",
        ),
    ],
)
def test_the_speakers_own_place_stays_when_nothing_else_is_named(text: str, location: str) -> None:
    assert _where(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "a man was photographing the bollards outside the treasury for ages",
            "the bollards outside the treasury",
        ),
        (
            "someone sketching the windows near the side door of the library this afternoon",
            "the windows near the side door of the library",
        ),
        (  # the name said with "on" places the object
            "a lorry just drove onto the pavement on kingsway and hit people",
            "the pavement on kingsway",
        ),
    ],
)
def test_the_place_said_after_what_was_done_to_it_is_kept(text: str, location: str) -> None:
    assert _where(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "A scooter followed our car from Sloane Square all the way to Hyde Park Corner",
            "from Sloane Square all the way to Hyde Park Corner",
        ),
        (
            "the same van was parked between Eccleston Square and Warwick Square every night",
            "between Eccleston Square and Warwick Square",
        ),
        (
            "man with a knife on the corner of Wardour Street and Old Compton Street",
            "the corner of Wardour Street and Old Compton Street",
        ),
    ],
)
def test_a_route_or_a_corner_is_one_place(text: str, location: str) -> None:
    assert _where(text) == location


def test_a_route_to_where_they_went_is_not_the_place() -> None:
    text = "I drive for the Embassy of Peru. A motorbike followed us from the embassy to Marble Arch"
    assert _where(text) == "the Embassy of Peru"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("two lads filming the cash machines on cheapside this morning", "cheapside"),
        ("drone hovering over the royal exchange for ten minutes", "royal exchange"),
        ("someone is kicking my door in right now in tottenham", "tottenham"),
        ("a man collapsed near camden market after being punched", "camden market"),
    ],
)
def test_london_names_in_lower_case_are_places(text: str, location: str) -> None:
    assert _where(text) == location


def test_a_district_yields_to_a_street_in_the_same_account() -> None:
    text = "I'm a student in Islington and yesterday I was walking along Carlton House Terrace when a man tried the gates"
    assert _where(text) == "Carlton House Terrace"


def test_a_district_in_a_street_name_is_the_street() -> None:
    text = "I'm a cleaner at a school in Dalston. A man was filming the police station gates on Dalston Lane"
    assert _where(text) == "the police station gates on Dalston Lane"


def test_a_building_with_a_range_of_house_numbers_keeps_its_address():
    text = "a man filmed the cameras on the Embassy of Peru at 52-54 Kinnerton Street this morning"
    assert read_account(text).location == "the Embassy of Peru at 52-54 Kinnerton Street"
