"""The form's answer values (reading/form/values.py): skips, yes/no, confirming and sending, categories."""

from __future__ import annotations

import pytest

from actions.report_fields import CATEGORIES as CATEGORY_LABELS
from reading.form import values


@pytest.mark.parametrize(
    "text",
    [
        "skip",
        "Skip please",
        "i don't know",
        "dunno",
        "idk",
        "no idea",
        "not sure",
        "n/a",
        "no vehicle",
        "didn't see one",
        "no idea where they went",
        "dunno who he was",
        "they were on foot",
        "nope",
        "none",
        # there was no vehicle: kept out of the vehicle answer, which officers read and linking compares
        "no car I saw",
        "didn't see any car",
        "I did not notice a vehicle",
        "no cars",
        "no vehicle as far as I know",
        "none that I saw",
        "no car, he walked off",
        "nope, on foot",
        "no, he was walking",
    ],
)
def test_whole_message_skips(text):
    assert values.is_skip(text)


@pytest.mark.parametrize(
    "text", ["no plates on the black bmw", "a car with no plates", "silver car, no reg seen", "he walked off"]
)
def test_a_vehicle_described_or_a_direction_is_not_a_skip(text):
    assert not values.is_skip(text)


@pytest.mark.parametrize(
    "text,slot,answer",
    [
        ("I'd rather stay anonymous", "report_contact_consent", "no"),
        ("anonymous please", "report_contact_consent", "no"),
        ("no thanks, keep me anonymous", "report_contact_consent", "no"),
        ("please don't contact me", "report_contact_consent", "no"),
        ("don't contact me", "report_contact_consent", "no"),
        ("nah", "report_contact_consent", "no"),
        ("you can contact me", "report_contact_consent", "yes"),
        ("ring me", "report_contact_consent", "yes"),
        ("sure", "report_contact_consent", "yes"),
        ("please do", "report_contact_consent", "yes"),
        ("yes please", "report_contact_consent", "yes"),
        ("ok", "report_contact_consent", "yes"),
        ("yes he's still there", "report_ongoing", "yes"),
        ("they're still outside", "report_ongoing", "yes"),
        ("no they left", "report_ongoing", "no"),
        ("he's gone now", "report_ongoing", "no"),
        ("no, all calm now", "report_ongoing", "no"),
        ("not sure", "report_ongoing", "not sure"),
        ("no idea", "report_ongoing", "not sure"),
        ("would rather you didnt contact me to be honest", "report_contact_consent", "no"),
        ("i'd prefer you didn't call me", "report_contact_consent", "no"),
        ("i would not like to be contacted", "report_contact_consent", "no"),
        ("no need to contact me", "report_contact_consent", "no"),
        ("dont call me, email me instead", "report_contact_consent", None),
        ("call me back", "report_contact_consent", "yes"),
        ("fine, you can reach me by email", "report_contact_consent", "yes"),
        ("please don't message me", "report_contact_consent", "no"),
        ("purple", "report_contact_consent", None),
        ("no idea", "report_contact_consent", None),
        ("will they know it was me?", "report_contact_consent", None),
    ],
)
def test_natural_yes_no_answers(text, slot, answer):
    assert values.yes_no(text, slot) == answer


@pytest.mark.parametrize(
    "text,category",
    [
        ("not sure", "other"),
        ("I don't know", "other"),
        ("erm, none of those really", "other"),
        ("none of those", "other"),
        ("Something else", "other"),
        ("Filming or photographing", "surveillance"),
        ("threats", "expressed_threat"),
        ("3", "testing_security"),
        ("he kept asking the guards when their shifts change", "eliciting_information"),
        ("someone left a suitcase by the door", "unattended_item"),
        ("he was taking pictures of the gate", "surveillance"),
        ("purple", None),
        # An option named inside a longer answer, even when the rest points elsewhere too.
        ("he was measuring things so testing security I guess", "testing_security"),
        ("i think it counts as filming or photographing", "surveillance"),
        ("testing security or filming or photographing", None),
    ],
)
def test_category_answers(text, category):
    assert values.category(text) == category


def test_grammar_and_summary_labels_list_the_same_categories():
    assert tuple(CATEGORY_LABELS) == values.CATEGORIES


@pytest.mark.parametrize(
    "text,confirms,sends",
    [
        ("Send report", True, True),
        ("send it", True, True),
        ("submit", True, True),
        ("yes send it", True, True),
        ("ok, submit it now please", True, True),
        ("fine, submit", True, True),
        ("sounds good", True, False),
        ("right, change the time", False, False),
        ("yes", True, False),
        ("looks good", True, False),
        ("send the police round", False, False),
        ("no don't send it", False, False),
    ],
)
def test_typed_send_commands_confirm_the_summary(text, confirms, sends):
    assert (values.confirms(text), values.sends(text)) == (confirms, sends)
