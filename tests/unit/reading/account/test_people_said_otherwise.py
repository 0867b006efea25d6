"""Who, said the ways people say it: what they were doing right after the noun, details listed
in the middle of a sentence, slang and plain nouns ("some yute", "two fellas", "gunman"), a
described person before a bare one or the crowd; a number before "a man" is not theirs."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "The woman sitting behind me on the bus has a knife in her lap",
            "The woman sitting behind me on the bus",
        ),
        (
            "Our reception had a call this morning from a man saying he was from the council, asking for the "
            "alarm codes",
            "a man saying he was from the council",
        ),
        ("at gate 3 a man in a black cap was pulling on the barrier", "a man in a black cap"),
        ("fight on platform 9 one guy has a broken bottle", "one guy has a broken bottle"),
        (
            "This morning a bloke in a hi-vis with POLICE on the back was moving people away from the gates",
            "a bloke in a hi-vis with POLICE on the back",
        ),
        ("bruv some yute pulled a blade on rye lane", "some yute"),
        ("HELP gunman at bank station", "gunman"),
    ],
)
def test_people_said_another_way_are_read(text: str, people: str) -> None:
    account = read_account(text, NOW)
    assert account.people == people


def test_a_described_person_comes_before_the_crowd() -> None:
    account = read_account(
        "Someone set fire to the door of the church on Brick Lane and people are still inside. I saw a lad "
        "in a red puffer run off towards Whitechapel Road.",
        NOW,
    )
    assert account.people is not None and "a lad in a red puffer" in account.people
    assert "people" not in account.people.split(", ")


def test_details_listed_in_the_middle_of_a_sentence_describe_them() -> None:
    account = read_account(
        "Then at 12 a man with the same voice came to the desk, 40s, Irish accent, green fleece, and asked "
        "again which door the ambassador uses.",
        NOW,
    )
    assert account.people == "a man with the same voice, 40s, Irish accent, green fleece"
    assert account.people_described


def test_two_people_each_described_after_the_count() -> None:
    account = read_account(
        "I picked up two fellas, one with a grey beard, one have long hair, and they filmed the embassy", NOW
    )
    assert account.people == "two fellas, one with a grey beard, one have long hair"


def test_a_list_of_cars_is_no_description_of_anyone() -> None:
    account = read_account("A man filmed our gate. Black BMW, white van, silver Audi.", NOW)
    assert account.people == "A man" and not account.people_described


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "a short woman of around 60 with a grey scarf and a green coat was photographing the gate",
            "a short woman of around 60 with a grey scarf and a green coat",
        ),
        (
            "a lad on a scooter with a balaclava kept circling the mission",
            "a lad on a scooter with a balaclava",
        ),
        ("some randomer kept ringing the embassy buzzer", "some randomer"),
        ("the mandem by the chicken shop were filming the police van", "the mandem"),
    ],
)
def test_an_age_a_ride_and_slang_describe_the_people(text: str, people: str) -> None:
    assert read_account(text, NOW).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("The woman next to me was filming the armed officers at the gate", "The woman next to me"),
        ("a parked van with a man inside in a red cap watching the residence", "a man inside in a red cap"),
        ("please help one man he has a knife, I am tourist", "one man he has a knife"),
        ("some randoms been asking in the cafe what cars the diplomats drive", "some randoms"),
    ],
)
def test_who_they_are_beside_the_speaker_and_not_the_speaker(text: str, people: str) -> None:
    assert read_account(text, NOW).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # someone unknown, said of them, then what they wore
        (
            "a bloke we'd never seen before in a green parka stood at the gate",
            "a bloke we'd never seen before in a green parka",
        ),
        (
            "this morning a woman none of us had seen before asked about the lifts",
            "a woman none of us had seen before",
        ),
        # what they wore, said with a word like something done
        (
            "a man in a running jacket and grey joggers tried the side door",
            "a man in a running jacket and grey joggers",
        ),
        (
            "a woman in what looked like a paramedic's uniform walked in",
            "a woman in what looked like a paramedic's uniform",
        ),
    ],
)
def test_a_description_runs_on_over_words_that_describe(text: str, people: str) -> None:
    assert read_account(text).people == people


def test_a_description_said_once_is_given_once() -> None:
    assert (
        read_account("a lad, grey tracksuit and a red cap, was filming the gate").people
        == "a lad, grey tracksuit and a red cap"
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "three lads, one in a yellow puffer and one with a dog, kept filming the gate",
            "three lads, one in a yellow puffer and one with a dog",
        ),
        (
            "a black Golf stopped twice, two men inside, one taking photos and the other on his phone.",
            "two men inside, one taking photos and the other on his phone",
        ),
    ],
)
def test_a_group_described_one_by_one_is_one_description(text: str, people: str) -> None:
    assert read_account(text).people == people


def test_one_of_others_after_one_person_is_no_group() -> None:
    assert read_account("a woman, one of the cleaners told me, was filming the gate").people != (
        "a woman, one of the cleaners told me"
    )
