"""A whole account in one message is read into the report's fields."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 16, 0, tzinfo=LONDON)


def test_the_account_from_the_issue_is_read_whole() -> None:
    account = read_account(
        "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
        "Curzon Street with a long lens camera, he got into a black BMW and drove towards Park Lane",
        NOW,
    )
    assert account.location == "the gates of the Saudi embassy on Curzon Street"
    assert account.place == "Embassy of Saudi Arabia"
    assert account.when == "about 20 minutes ago" and account.when_iso == "2026-12-06T15:40:00+00:00"
    assert account.people == "a man in a grey hoodie" and account.people_described
    assert account.vehicle == "a black BMW"
    assert account.direction == "towards Park Lane"
    assert account.ongoing == "no"
    assert account.category == "surveillance"


def test_registration_direction_and_a_later_description() -> None:
    account = read_account(
        "yesterday around 3pm two men were taking photos of the cctv cameras outside the israeli embassy. "
        "one had a red cap. they left in a white transit van reg LB07 XRT heading north",
        NOW,
    )
    assert account.when == "yesterday around 3pm" and account.when_iso == "2026-12-05T15:00:00+00:00"
    assert account.place == "Embassy of Israel"
    assert account.registration == "LB07 XRT" and account.vehicle == "a white transit van"
    assert account.direction == "north"
    assert "one had a red cap" in (account.people or "") and account.people_described
    assert account.ongoing == "no"


def test_still_there_means_ongoing_and_a_bare_person_describes_nobody() -> None:
    account = read_account("theres a woman still standing outside the french embassy writing notes", NOW)
    assert account.ongoing == "yes"
    assert account.people == "a woman" and not account.people_described
    assert account.location == "the french embassy"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("he walked off to Embankment", "to Embankment"),
        ("They left around 5.40 towards The Mall.", "towards The Mall"),
        ("Finally she take a taxi to Victoria.", "to Victoria"),
        ("She went into the tube after.", "into the tube"),
    ],
)
def test_where_they_went(text: str, direction: str) -> None:
    assert read_account(text, NOW).direction == direction


@pytest.mark.parametrize(
    "text",
    [
        "a van just drove onto the pavement on Westminster Bridge",
        "he walked round the embassy twice",
        "she went up to our guard and asked about shifts",
    ],
)
def test_moving_about_the_place_is_not_a_direction(text: str) -> None:
    assert read_account(text, NOW).direction is None


def test_a_car_named_after_a_place_is_not_the_place() -> None:
    account = read_account(
        "a red Vauxhall Corsa stopped in front of the embassy on Kensington Palace Gardens", NOW
    )
    assert account.vehicle == "a red Vauxhall Corsa"
    assert "Kensington Palace Gardens" in (account.location or "")


def test_the_speakers_own_staff_are_not_the_people() -> None:
    account = read_account("a man asked our security guard what time the shifts change", NOW)
    assert account.people == "a man"
    assert account.category == "eliciting_information"


def test_a_greeting_is_not_a_time_and_nothing_is_made_up() -> None:
    account = read_account("Good afternoon. Someone tried all the doors down the side of our building.", NOW)
    assert account.when is None and account.vehicle is None and account.direction is None
    assert account.category == "testing_security"
    assert read_account("", NOW) == read_account(None, NOW)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "A woman with a red scarf, glasses and a black puffer asked our guard about shifts",
            "A woman with a red scarf, glasses and a black puffer",
        ),
        (
            "one man, maybe 30 years, beard and blue jacket, come to gate and ask many question",
            "one man, maybe 30 years, beard and blue jacket",
        ),
        ("man wiht knife by the gates shouting", "man wiht knife"),
        (
            "Someone was filming the entrance for ages. Late 20s, shaved head, grey tracksuit.",
            "Late 20s, shaved head, grey tracksuit",
        ),
        (
            "a guy who walked in off the street asked which floor the ambassador is on",
            "a guy who walked in off the street",
        ),
    ],
)
def test_the_people_as_described(text: str, people: str) -> None:
    assert people in (read_account(text, NOW).people or "")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("after she go fast to Victoria Station", "to Victoria Station"),
        ("then he take bus 36 to Paddington", "to Paddington"),
        ("they go in black taxi in direction of Marble Arch", "in direction of Marble Arch"),
        ("she was heading for the main gate when I lost her", "for the main gate"),
        ("he put the drone away and walked into Green Park station", "into Green Park station"),
    ],
)
def test_where_they_went_in_any_register(text: str, direction: str) -> None:
    assert read_account(text, NOW).direction == direction


@pytest.mark.parametrize(
    "text",
    [
        "theres a guy with a crowbar at the embassy door",
        "a man is kicking the gate of the consulate",
        "she keeps shouting at the guards outside",
    ],
)
def test_told_in_the_present_is_still_happening(text: str) -> None:
    assert read_account(text, NOW).ongoing == "yes"


def test_just_now_is_a_time_and_a_vehicle_keeps_its_details() -> None:
    account = read_account("someone just dumped a holdall by the gate and left in a van with no plates", NOW)
    assert account.when == "just" and account.when_iso is not None
    assert account.vehicle == "a van with no plates"
    assert read_account("a cab with tinted windows has gone round Eaton Place 8 times", NOW).vehicle == (
        "a cab with tinted windows"
    )


def test_the_behaviour_right_after_the_person_is_not_part_of_who_they_are():
    """ "a man filming at Harrods": the people are "a man"; "sitting next to me" still describes him."""
    assert read_account("a man filming at Harrods for 20 minutes").people == "a man"
    assert read_account("a woman taking photos of the gate all morning").people == "a woman"
    assert read_account("the guy sitting next to me has a gun").people == "the guy sitting next to me"


def test_an_account_that_names_no_place_leaves_every_location_field_unstated() -> None:
    account = read_account("a man in a grey hoodie was filming with a long lens about 10 minutes ago", NOW)
    assert account.people == "a man in a grey hoodie" and account.category == "surveillance"
    assert (account.location, account.place, account.postcode) == (None, None, None)
    assert not account.location_named and not account.location_stated


@pytest.mark.parametrize(
    ("text", "location", "people"),
    [
        ("a man was filming the gate 10 minutes ago", "the gate", "a man"),
        ("a woman photographing the side entrance 5 mins ago then she left", "the side entrance", "a woman"),
        (
            "I saw a man in a grey hoodie was filming people about 10 minutes ago outside the embassy",
            "the embassy",
            "a man in a grey hoodie",
        ),
    ],
)
def test_the_time_said_belongs_to_neither_the_place_nor_the_people(
    text: str, location: str, people: str
) -> None:
    account = read_account(text, NOW)
    assert (account.location, account.people) == (location, people)
    assert account.when is not None and "ago" in account.when


@pytest.mark.parametrize(
    "text", ["acid attack outside the bank", "smoke pouring out of the station entrance, people running"]
)
def test_a_danger_told_with_nothing_of_it_being_over_is_going_on(text: str) -> None:
    account = read_account(text, NOW)
    assert account.ongoing == "yes" and account.ongoing_said


def test_a_danger_told_as_over_stays_over() -> None:
    assert read_account("yesterday a man stabbed someone outside the bank", NOW).ongoing == "no"
