"""Served: what the assistant cannot help with. Everyday requests get the honest "I can't help with
that"; police matters it cannot handle, ordinary crime and embassy staff get a true pointer
elsewhere; none starts a report or gets the emergency reply.

The requests here were written for this test, not copied from the training data; the everyday
sample is drawn from the held-out set (tests/data/everyday_heldout.yml).
"""

from __future__ import annotations

import random

import pytest
import yaml

from tests.support.served import ServedConversation

pytestmark = pytest.mark.rasa

CANT_HELP = "Sorry, I can't help with that."


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


def test_embassy_staff_asking_for_a_briefing_are_sent_to_their_liaison_officer(stack):
    """The answer names who to ask, not "Yes, please do."."""
    turn = ServedConversation(stack).say(
        "we are the security team at the embassy of Brazil. can servator officers come and brief our staff?"
    )
    assert "embassy liaison officer" in turn.first_text, turn.texts
