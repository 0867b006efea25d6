"""What a person already said becomes report slots; what they did not say is asked."""

from __future__ import annotations

from actions.report_account import stated_slots

ACCOUNT = (
    "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
    "Curzon Street, he got into a black BMW and drove towards Park Lane"
)


def test_an_account_fills_every_field_it_states_in_the_forms_order():
    slots = stated_slots(ACCOUNT)
    assert list(slots) == [
        "report_location",
        "report_when",
        "report_ongoing",
        "report_people",
        "report_vehicle",
        "report_direction",
        "report_category",
    ]
    assert slots["report_vehicle"] == "a black BMW" and slots["report_ongoing"] == "no"


def test_the_question_answered_and_the_fields_already_filled_are_left_alone():
    slots = stated_slots(ACCOUNT, filled={"report_when", "report_people"}, asked="report_location")
    assert "report_location" not in slots and "report_when" not in slots and "report_people" not in slots
    assert slots["report_direction"] == "towards Park Lane"


def test_a_bare_person_or_car_is_asked_about_and_short_answers_say_only_what_was_asked():
    slots = stated_slots("two men sat in a silver car outside the embassy filming the gate for an hour")
    assert "report_people" not in slots and "report_vehicle" not in slots
    assert stated_slots("Curzon Street") == {}
    assert stated_slots('/inform{"report_location": "x"} filming the embassy gates yesterday at 3pm') == {}
