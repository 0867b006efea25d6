"""Changing an answer (reading/form/corrections.py): a change request names its field, a correction
gives its new value, something to add at the summary is kept as typed."""

from __future__ import annotations

import pytest

from reading.form import corrections


@pytest.mark.parametrize(
    "text,field",
    [
        ("change the place", "report_location"),
        ("i want to change the description", "report_description"),
        ("the time is wrong", "report_when"),
        ("can i change where it happened", "report_location"),
        ("edit the time", "report_when"),
        ("fix the location please", "report_location"),
        ("change the vehicle", "report_vehicle"),
        ("wrong registration", "report_vehicle"),
        ("no wait the location is wrong", "report_location"),
        ("update my phone number", "report_contact_consent"),
        ("change the description of the man", "report_people"),
        ("go back", ""),
        ("i want to change something", ""),
        ("change an answer", ""),
        ("i made a mistake", ""),
        ("actually the place was chesham place not lowndes square", "report_location"),
        ("sorry the time was 2pm not 3pm", "report_when"),
        ("actually the reg was AB12 CDE", "report_vehicle"),
    ],
)
def test_change_requests_name_the_field(text, field):
    assert corrections.change_request(text) == field


@pytest.mark.parametrize(
    "text",
    [
        "change of clothes in the toilets",
        "correct time was 3pm",
        "changed his jacket",
        "sorry, the man was filming the gate",
    ],
)
def test_change_words_in_answers_are_not_change_requests(text):
    assert corrections.change_request(text) is None


@pytest.mark.parametrize(
    "text,at_summary,expected",
    [
        ("hang on the reg might have been LV19 OKB", True, ("report_vehicle", "LV19 OKB")),
        ("change the time to about 4pm", False, ("report_when", "about 4pm")),
        ("Actually, the place was Chesham Place.", False, ("report_location", "Chesham Place")),
        ("ok actually the time was about 4", False, ("report_when", "about 4")),
        ("set the location to outside Harrods", False, ("report_location", "outside Harrods")),
        # The value as typed, without the trailing fillers.
        ("Change the place to St. James's Square, thanks", False, ("report_location", "St. James's Square")),
        ("can you update the time to around 2pm please", True, ("report_when", "around 2pm")),
        (
            "actually the place was chesham place not lowndes square",
            False,
            ("report_location", "chesham place"),
        ),
        ("change the phone number to 07700 900123", True, ("report_contact", "07700 900123")),
        ("the car was a blue transit van", True, ("report_vehicle", "a blue transit van")),
        # Without a lead-in, "<field> was …" outside the summary is a description, not a correction.
        ("the car was parked outside", False, None),
        ("the man was wearing a hat", True, None),
        # A change that gives no value is a change request (the field is asked again), not a correction.
        ("the reg was wrong", True, None),
        ("change the time", True, None),
        ('/change_field{"report_field":"report_when"}', True, None),
    ],
)
def test_corrections_that_give_their_new_value(text, at_summary, expected):
    assert corrections.correction(text, at_summary) == expected


@pytest.mark.parametrize("text", ["add that", "send it", "yes", "he had a backpack"])
def test_no_addition(text):
    assert corrections.addition(text) is None
