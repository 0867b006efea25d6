"""Served: openings that describe what was seen start a report (an item left on the underground with
British Transport Police's number, a description with photos, a drone, a worry that someone is
planning something, a description full of place names), and an embassy given as the place is kept.

Over HTTP against the stack `make run` starts. The messages are as people write them, none of
them in the training data.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation, asks

pytestmark = pytest.mark.rasa

BTP_TEXT = "61016"


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        (
            "a lad stuffed a backpack under the seat at baker street and hopped off just before the doors shut",
            "baker street",
        ),
        (
            "some woman left a carrier bag under her seat on the jubilee line and got off at green park",
            "jubilee line",
        ),
    ],
)
def test_an_item_left_on_the_underground_starts_a_report_with_btp(stack, opening, place):
    conversation = ServedConversation(stack)
    turn = conversation.say(opening)
    text = "\n".join(turn.texts)
    assert "take some details" in turn.first_text, turn.texts
    assert BTP_TEXT in text and "British Transport Police" in text, text
    # The description is kept, with the place it names: the form goes on to when it happened.
    assert conversation.slot("report_description") == opening
    assert conversation.slot("report_location") == place
    assert asks("report_when", turn.last_text), turn.texts


@pytest.mark.parametrize(
    "opening",
    [
        "a cab pulled up on the zig zags and the passenger took photos of the gate barrier",
        "someone stopped their car by the bollards and took pictures of the security hut",
    ],
)
def test_a_description_with_photos_starts_a_report_with_that_description(stack, opening):
    conversation = ServedConversation(stack)
    turn = conversation.say(opening)
    assert "take some details" in turn.first_text and "attach" not in "\n".join(turn.texts), turn.texts
    assert conversation.slot("report_description") == opening
    assert asks("report_location", turn.last_text), turn.texts


@pytest.mark.parametrize("place", ["by the Israeli embassy", "just outside the israeli embassy"])
def test_an_embassy_given_as_the_place_is_kept_as_the_place(stack, place):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    conversation.say("a man kept walking up and down filming the security cameras")
    turn = conversation.say(place)
    assert asks("report_when", turn.last_text), turn.texts
    assert conversation.slot("report_location") == place
    assert conversation.slot("report_details")["place"] == "Embassy of Israel"


def test_a_drone_over_an_embassy_now_starts_a_report(stack):
    """Not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say("there's a drone over the embassy right now")
    assert asks("report_location", turn.last_text), turn.texts


def test_a_worry_that_someone_is_planning_something_starts_a_report(stack):
    """Not "Sorry, I didn't understand that."."""
    turn = ServedConversation(stack).say("i think someone is planning something at the israeli embassy")
    assert asks("report_description", turn.last_text), turn.texts


def test_a_description_full_of_place_names_starts_a_report(stack):
    """As the first message: a report starts, not the help menu."""
    turn = ServedConversation(stack).say(
        "a man at a café on Baker Street kept photographing the police station opposite"
    )
    assert asks("report_location", turn.last_text) or asks("report_when", turn.last_text), turn.texts
