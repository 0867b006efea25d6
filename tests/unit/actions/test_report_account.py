"""What a person already said becomes report slots; what they did not say is asked."""

from __future__ import annotations

import pytest

from actions.report_account import ACCOUNT_SLOTS, happened_on_railway, stated_slots

ACCOUNT = (
    "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
    "Curzon Street, he got into a black BMW and drove towards Park Lane"
)


def test_an_account_fills_every_field_it_states_in_the_forms_order():
    slots = stated_slots(ACCOUNT)
    assert list(slots) == list(ACCOUNT_SLOTS)  # every field between the description and the contact
    assert ACCOUNT_SLOTS[0] == "report_location" and ACCOUNT_SLOTS[-1] == "report_category"
    assert slots["report_vehicle"] == "a black BMW" and slots["report_ongoing"] == "no"


def test_the_question_answered_and_the_fields_already_filled_are_left_alone():
    slots = stated_slots(ACCOUNT, filled={"report_when", "report_people"}, asked="report_location")
    assert "report_location" not in slots and "report_when" not in slots and "report_people" not in slots
    assert slots["report_direction"] == "towards Park Lane"


def test_any_vehicle_named_is_not_asked_again_but_a_bare_person_is_asked_about():
    slots = stated_slots("two men sat in a white van outside the embassy filming the gate for an hour")
    assert slots["report_vehicle"] == "a white van"
    assert "report_location" not in slots  # which embassy? a bare "the embassy" is asked about
    assert "report_people" not in slots  # what they looked like is still asked
    assert "report_when" not in slots  # "for an hour" says how long, not when


def test_a_named_embassy_is_where_it_was_and_a_bare_one_is_asked_about():
    assert (
        stated_slots("a drone over the saudi embassy right now filming")["report_location"]
        == "the saudi embassy"
    )
    assert "report_location" not in stated_slots("there's a drone over the embassy right now filming")
    assert stated_slots("a man filming at the embassy on Curzon Street an hour ago")["report_location"] == (
        "the embassy on Curzon Street"
    )


def test_a_place_only_mentioned_or_naming_no_site_is_not_where_it_was():
    slots = stated_slots("a cab pulled up and the passenger took photos of the gate barrier")
    assert "report_location" not in slots and slots["report_vehicle"] == "a cab"
    assert "report_location" not in stated_slots(
        "someone stopped by the bollards and took pictures of the hut"
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("curzon st 20 mins ago", {"report_when": "20 mins ago"}),
        (
            "black bmw, went towards park lane",
            {"report_vehicle": "black bmw", "report_direction": "towards park lane"},
        ),
        ("Yesterday about 3pm, outside the embassy", {"report_when": "Yesterday about 3pm"}),
    ],
)
def test_a_short_answer_fills_the_other_fields_it_names(answer, expected):
    slots = stated_slots(answer, asked="report_location")
    assert {slot: slots.get(slot) for slot in expected} == expected


def test_a_short_answer_says_only_what_was_asked():
    assert stated_slots("Curzon Street") == {}
    assert stated_slots("yes") == {}
    assert stated_slots('/inform{"report_location": "x"} filming the embassy gates yesterday at 3pm') == {}


@pytest.mark.parametrize(
    "text",
    [
        "a man asked the guard what time the ambassadors car leaves every day",
        "bloke smashing car windows outside our office right now",
        "she never gets on a bus, just stands at the stop watching the gate",
        "I'm a cab driver and my passenger filmed the embassy from the window",
    ],
)
def test_someone_elses_vehicle_is_not_theirs(text):
    assert "report_vehicle" not in stated_slots(text)


def test_a_later_time_alone_does_not_answer_whether_anyone_is_in_danger_now():
    assert "report_ongoing" not in stated_slots("about an hour ago", asked="report_when")
    assert stated_slots("about an hour ago, they left", asked="report_when")["report_ongoing"] == "no"
    assert stated_slots("yesterday a man in a grey hoodie filmed the gates")["report_ongoing"] == "no"


@pytest.mark.parametrize(
    "text",
    ["a car parked opposite the gate with two men inside watching", "the car went round twice filming"],
)
def test_a_bare_car_is_asked_about_for_its_type_colour_and_plate(text):
    assert "report_vehicle" not in stated_slots(text)


@pytest.mark.parametrize(
    "text",
    [
        "a man was filming the ticket barriers at Victoria station then walked towards Buckingham Palace",
        "someone left a rucksack on the platform at Euston and got on a train",
        "on the tube just now a woman was photographing the driver's cab door codes",
    ],
)
def test_what_was_seen_on_the_railway_is_on_the_railway(text):
    assert happened_on_railway(text)


@pytest.mark.parametrize(
    "text",
    [
        "a woman photographed the CCTV over the embassy gate then drove off towards Knightsbridge station",
        "two men filming the guards outside the high commission, they ran off towards the tube",
        "a man sketching the barriers on Curzon Street",
    ],
)
def test_where_they_went_afterwards_does_not_put_it_on_the_railway(text):
    assert not happened_on_railway(text)
