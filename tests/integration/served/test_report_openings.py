"""Served: openings that describe what was seen start a report, the right number when it is not
urgent, and an honest answer about what happens to a report.

Over HTTP against the stack `make run` starts. The messages are as people write them, none of
them in the training data.
"""

from __future__ import annotations

import pytest

from tests.support.served import ServedConversation, asks

pytestmark = pytest.mark.rasa

HOTLINE, HOTLINE_WEB, BTP_TEXT = "0800 789 321", "gov.uk/ACT", "61016"


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


def test_an_item_left_that_is_still_there_now_gets_999_first(stack):
    turn = ServedConversation(stack).say(
        "a man left a rucksack under a seat and got off at oxford circus, it's still there now"
    )
    assert "999" in turn.first_text, turn.texts


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


@pytest.mark.parametrize(
    "question",
    [
        "who should i phone about something a bit suspicious near the mission, it isn't an emergency",
        "nothing urgent, but I saw a man acting oddly by the embassy yesterday. who do I tell?",
    ],
)
def test_not_urgent_gets_the_hotline_and_999_only_for_danger_now(stack, question):
    turn = ServedConversation(stack).say(question)
    text = "\n".join(turn.texts)
    assert HOTLINE in text and HOTLINE_WEB in text, text
    # 999 is named only as the number for danger now, after the hotline.
    assert text.index(HOTLINE) < text.index("999") and "danger" in text[text.index("999") - 60 :], text
    assert any(b.get("payload") == "/report_suspicious" for r in turn.replies for b in r.get("buttons") or [])


@pytest.mark.parametrize(
    "question",
    ["where does my report go after I send it?", "will anyone actually look at what I report here?"],
)
def test_what_happens_to_a_report_is_answered_honestly(stack, question):
    text = "\n".join(ServedConversation(stack).say(question).texts)
    assert "reference" in text and "officers" in text, text
    # The retention period is the one the stack runs with (REPORT_RETENTION_DAYS, 365 by default).
    assert "deleted after 365 days" in text, text


def test_what_happens_to_a_report_asked_mid_report_then_the_question_again(stack):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    conversation.say("a man was photographing the gate from a parked van")
    turn = conversation.say("sorry, before I go on, who reads these reports?")
    assert "reference" in turn.first_text and "officers" in turn.first_text, turn.texts
    assert asks("report_location", turn.last_text) and conversation.slot("report_location") is None


@pytest.mark.parametrize("place", ["by the Israeli embassy", "just outside the israeli embassy"])
def test_an_embassy_given_as_the_place_is_kept_as_the_place(stack, place):
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    conversation.say("a man kept walking up and down filming the security cameras")
    turn = conversation.say(place)
    assert asks("report_when", turn.last_text), turn.texts
    assert conversation.slot("report_location") == place
    assert conversation.slot("report_details")["place"] == "Embassy of Israel"
