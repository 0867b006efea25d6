"""Served: what people actually write. A whole account in one message is read; everyday requests
get the honest "I can't help with that"; police matters it cannot handle get a true pointer.

The accounts and everyday requests here were written for this test, not copied from the training
data; the everyday sample is drawn from the held-out set (tests/data/everyday_heldout.yml).
"""

from __future__ import annotations

import random

import pytest
import yaml

from tests.support.served import ServedConversation, asks, reference_in, stored_report

pytestmark = pytest.mark.rasa

CANT_HELP = "Sorry, I can't help with that."
SUMMARY = "Here is your report"


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (
            "Hi, about 20 minutes ago I saw a man in a grey hoodie filming the gates of the Saudi embassy on "
            "Curzon Street with a long lens camera, he got into a black BMW and drove towards Park Lane",
            {
                "Where: the gates of the Saudi embassy on Curzon Street",
                "People: a man in a grey hoodie",
                "Vehicle: a black BMW",
                "Direction: towards Park Lane",
                "Type: Filming, photographing or watching",
                "Still happening / danger: no",
            },
        ),
        (
            "good evening. yesterday around 6pm a tall woman with a red scarf asked our gate guard at the "
            "embassy in Belgrave Square what time the night shift starts and how many guards there are. "
            "She walked off towards Hyde Park Corner on foot.",
            {
                "Where: the embassy in Belgrave Square",
                "When: yesterday around 6pm",
                "People: a tall woman with a red scarf",
                "Direction: towards Hyde Park Corner",
                "Type: Asking unusual questions",
            },
        ),
    ],
)
def test_a_whole_account_reaches_the_summary_after_at_most_the_contact_question(stack, account, expected):
    conversation = ServedConversation(stack)
    turn = conversation.say(account)
    asked = [
        slot for slot in ("report_location", "report_when", "report_vehicle") if asks(slot, turn.last_text)
    ]
    assert not asked, turn.texts
    for _ in range(3):  # at most: the vehicle (when none was said) and the contact question
        if SUMMARY in turn.last_text:
            break
        assert asks("report_contact_consent", turn.last_text) or asks("report_vehicle", turn.last_text), (
            turn.texts
        )
        turn = conversation.say(
            "no, stay anonymous" if asks("report_contact_consent", turn.last_text) else "none"
        )
    summary = turn.last_text
    assert SUMMARY in summary, turn.texts
    for line in expected:
        assert line in summary, (line, summary)
    assert f"What happened: {account}" in summary  # the description is the person's own words
    confirmation = "\n".join(conversation.say("send it").texts)
    report = stored_report(stack.database_url, reference_in(confirmation) or "")
    assert report is not None and report["description"] == account


def test_an_answer_that_says_more_fills_the_other_fields_too(stack):
    conversation = ServedConversation(stack)
    conversation.say("I want to report something")
    conversation.say("a man was photographing the cctv cameras and writing in a notebook")
    turn = conversation.say(
        "outside the Qatari embassy on South Audley Street about an hour ago, he left in a silver Ford "
        "Focus KX19 PLM heading north"
    )
    assert not asks("report_when", turn.last_text) and not asks("report_vehicle", turn.last_text), turn.texts
    assert not asks("report_direction", turn.last_text), turn.texts
    assert conversation.slot("report_vehicle") == "a silver Ford Focus"
    assert conversation.slot("report_direction") == "north"
    assert (conversation.slot("report_details") or {}).get("registration") == "KX19 PLM"


def _everyday_sample(count: int) -> list[str]:
    data = yaml.safe_load(open("tests/data/everyday_heldout.yml", encoding="utf-8"))
    texts = [
        line[2:].strip()
        for block in data["nlu"]
        if block["intent"] == "out_of_scope"
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    ]
    return random.Random(20261206).sample(texts, count)


@pytest.mark.parametrize(
    "request_text",
    [
        "what's the definition of luminescent",
        "what does serendipity mean",
        "set a timer to go off in 1 hour",
        "is it safe to travel to serbia",
        "flip a coin",
        "tell me something interesting about bees",
    ],
)
def test_an_everyday_request_gets_the_honest_answer(stack, request_text):
    conversation = ServedConversation(stack)
    turn = conversation.say(request_text)
    assert turn.first_text.startswith(CANT_HELP), turn.texts
    assert "999" in turn.first_text  # what to do in danger, always
    assert conversation.requested_slot() is None  # no report started


def test_a_sample_of_held_out_everyday_requests_never_gets_a_report_or_the_999_reply(stack):
    """Held-out requests (never trained on): none starts a report or gets the emergency reply, and
    nearly all get the honest "I can't help with that" (the blind set measures the rate)."""
    honest = 0
    sample = _everyday_sample(40)
    for request_text in sample:
        conversation = ServedConversation(stack)
        turn = conversation.say(request_text)
        assert conversation.requested_slot() is None, (request_text, turn.texts)
        assert turn.intent != "emergency", (request_text, turn.texts)
        honest += turn.first_text.startswith(CANT_HELP)
    assert honest >= 0.9 * len(sample), honest


@pytest.mark.parametrize(
    ("message", "pointer"),
    [
        ("I want to complain about how an officer spoke to me", "101"),
        ("my son was arrested last night, where is he being held", "101"),
        ("how do i pay my parking ticket", "met.police.uk"),
    ],
)
def test_police_matters_it_cannot_handle_get_an_honest_pointer(stack, message, pointer):
    turn = ServedConversation(stack).say(message)
    assert turn.first_text.startswith("I can't help with that here"), turn.texts
    assert pointer in turn.first_text and "999" in turn.first_text


def test_ordinary_crime_gets_101(stack):
    turn = ServedConversation(stack).say(
        "someone snatched my phone out of my hand 20 minutes ago on oxford street"
    )
    assert "101" in turn.first_text and "999" in turn.first_text, turn.texts
