"""Whether it goes on, the vehicle, the plate and the kind of behaviour, said the ways people say
them: "still goin on", "still up there", gone somewhere in the past tense, a spaced-out or partial
plate, threats reported in speech or on a note, photos as "pics", asking where, no pass."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.account import read_account
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        ("fight outside the pub on mare street one guy has a bottle still goin on", "yes"),
        ("Bloke with a long lens on the roof of the car park filming Thames House. Still up there.", "yes"),
        (
            "this was yesterday evening, theres a bloke stood at the embassy gate filming the cameras, then "
            "he walked off towards the station",
            "no",
        ),
        (
            "man photographing the cctv at the back of downing st about 10 min ago, went towards the park",
            "no",
        ),
        (
            "last Friday someone put a rucksack down by the bollards outside the embassy on Portland Place "
            "and walked off",
            "no",
        ),
        ("Two days ago I see two men photograph our gate. After, they go in direction of Hyde Park.", "no"),
    ],
)
def test_whether_it_goes_on_said_another_way(text: str, ongoing: str) -> None:
    assert read_account(text, NOW).ongoing == ongoing


def test_something_cleaned_off_now_is_not_going_on() -> None:
    account = read_account(
        "this morning someone sprayed death to the embassy on our wall, its been cleaned off now", NOW
    )
    assert account.ongoing != "yes"


def test_a_man_who_was_still_at_the_bar_last_night_is_not_there_now() -> None:
    account = read_account(
        "Last night a stranger kept asking my mate about the guards. The man was still at the bar when we left.",
        NOW,
    )
    assert account.ongoing == "no"


def test_the_described_vehicle_beats_a_bus_they_never_took() -> None:
    account = read_account(
        "A woman stood at the bus stop photographing staff. She never gets on a bus. On Friday she got into "
        "a silver taxi that went towards Notting Hill Gate.",
        NOW,
    )
    assert account.vehicle == "a silver taxi"


@pytest.mark.parametrize(
    ("text", "registration"),
    [
        (
            "a silver prius went round the embassy six times, registration was KP 19 LMX, two men inside",
            "KP19LMX",
        ),
        (
            "he got into a dark blue ford focus and drove off, the plate started LK70 didnt get the rest",
            "LK70",
        ),
    ],
)
def test_a_plate_spaced_out_or_only_begun_is_read(text: str, registration: str) -> None:
    assert read_account(text, NOW).registration == registration


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("a man at the bus stop on whitehall told his mate he wanted to stab the guards", "expressed_threat"),
        ("found a bit of paper taped to our gate saying your days are numbered", "expressed_threat"),
        (
            "a man in the queue is screaming hes got a bomb in his rucksack and hell blow the place up",
            "expressed_threat",
        ),
        ("a man with a red bakpack was tkaing pics of the securty guards at the embassy", "surveillance"),
        ("someone pushed a sports bag under the bench by the gate and walked off fast", "unattended_item"),
        ("a woman kept asking our receptionist which floor the ambassador works on", "eliciting_information"),
        (
            "a guy slid in behind me through the staff door this morning, no pass, then vanished",
            "testing_security",
        ),
        (
            "a moped rider kept riding right up to the bollards on Horse Guards Road and back, like measuring",
            "testing_security",
        ),
    ],
)
def test_the_kind_of_behaviour_said_another_way(text: str, category: str) -> None:
    assert read_account(text, NOW).category == category


@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        # the last thing said counts: gone, then others still at it in the present
        (
            "A lad kicked in the glass door of the consulate and ran off towards the canal. The staff are "
            "sweeping up the glass.",
            "yes",
        ),
        ("A woman is filming the gate of the mission. Then she walked off towards the river.", "no"),
        # the present said without the g, or without the apostrophe
        ("some fella keeps kickin the door of the chapel and shoutin", "yes"),
        ("hes throwin stones at the windows of the high commission", "yes"),
        # "there's" something being done, not only someone there
        ("loud bang by the canal lock, theres grey smoke drifting over the towpath", "yes"),
        # gone, said as a person sent away or going away
        ("a man filmed our cameras for ages but the guards sent him packing", "no"),
        ("A man ask me many questions about the staff. After he go away.", "no"),
    ],
)
def test_the_tenses_of_an_account_say_whether_it_goes_on(text: str, ongoing: str) -> None:
    assert read_account(text, NOW).ongoing == ongoing


@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        ("someone left a holdall by the lifts and walked off, its humming and nobody is touching it", "yes"),
        ("a man left a suitcase at the kiosk and went, then the station staff took it away", "no"),
        ("rucksack left at the stop by a guy who walked off, its gone now", "no"),
    ],
)
def test_an_item_left_is_there_or_gone_by_what_is_said_of_it(text: str, ongoing: str) -> None:
    assert read_account(text, NOW).ongoing == ongoing


def test_a_leaving_asked_for_is_not_a_leaving() -> None:
    account = read_account(
        "A man with a bat is standing in the doorway of the shop, he's yelling at the staff to leave", NOW
    )
    assert account.ongoing == "yes"


@pytest.mark.parametrize(
    ("text", "vehicle", "location"),
    [
        (
            "loud bang at the vauxhall bus station just now, everyone running",
            None,
            "the vauxhall bus station",
        ),
        (
            "a van crashed through the fence on the M4 near the services, a white Ford Transit",
            "a white Ford Transit",
            None,
        ),
        ("he sped off in a grey Audi A3 past the embassy", "a grey Audi A3", None),
    ],
)
def test_a_place_or_road_named_like_a_car_is_no_vehicle(
    text: str, vehicle: str | None, location: str | None
) -> None:
    account = read_account(text, NOW)
    assert account.vehicle == vehicle
    if location is not None:
        assert account.location == location


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("im on my bike on the bridge and a van just drove onto the pavement", "a van"),
        ("when he saw a police car he went off on an e-scooter towards the river", "an e-scooter"),
        ("a lad on a BMX keeps riding up to our barrier", "a BMX"),
    ],
)
def test_the_speakers_own_and_police_vehicles_are_not_theirs(text: str, vehicle: str) -> None:
    assert read_account(text, NOW).vehicle == vehicle
