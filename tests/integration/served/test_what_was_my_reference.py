"""Served: "what was my reference?" in the conversation that sent the report gets that reference;
nothing else of the report is kept in the conversation store; /forget forgets it too.

Over HTTP against the stack `make run` starts. The questions are written after the training data and
are not in it.
"""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy as sa

from tests.support.served import REPORT_QUESTIONS, ServedConversation, asks, reference_in

pytestmark = pytest.mark.rasa

ASKS_FOR_IT = [
    "what was my reference?",
    "sorry, I didn't manage to copy the reference number",
    "can you give me that ref again please",
    "what's the reference for the report I just sent?",
]


def sent_report(stack, marker: str) -> tuple[ServedConversation, str]:
    conversation = ServedConversation(stack)
    for answer in (
        "/report_suspicious",
        f"a man was measuring the embassy railings with a tape {marker}",
        "outside the embassy on grosvenor square",
        "about 20 minutes ago",
        "/deny",
        "skip",
        "no vehicle",
        "towards oxford street",
    ):
        turn = conversation.say(answer)
    if asks("report_category", turn.last_text):
        conversation.say('/inform{"report_category":"surveillance"}')
    assert asks("report_confirm", conversation.say("/deny").last_text)
    done = "\n".join(conversation.say("/affirm").texts)
    reference = reference_in(done)
    assert reference, done
    return conversation, reference


def stored_events(stack, sender: str) -> list[dict]:
    engine = sa.create_engine(stack.database_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
            ).scalars()
            return [json.loads(row) for row in rows]
    finally:
        engine.dispose()


@pytest.mark.parametrize("question", ASKS_FOR_IT)
def test_the_reference_is_given_again_and_nothing_else_of_the_report_is_kept(stack, question):
    marker = f"QUOLL{uuid.uuid4().hex[:6]}"
    conversation, reference = sent_report(stack, marker)
    kept = stored_events(stack, conversation.sender)
    assert [(e["event"], e.get("name")) for e in kept] == [
        ("slot", "last_reference"),
        ("action", "action_listen"),
    ]
    assert marker not in json.dumps(kept)
    turn = conversation.say(question)
    assert turn.intent == "ask_reference", (turn.intent, turn.texts)
    assert f"Your reference is {reference}." in turn.first_text, turn.texts


def test_no_report_no_reference_and_not_the_privacy_answer(stack):
    turn = ServedConversation(stack).say("what was my reference number?")
    assert turn.actions == ["action_tell_reference"], turn.actions
    assert "haven't got a reference" in turn.first_text and "SRV-" not in turn.first_text
    assert "stored with a reference I give you" not in turn.first_text, "the privacy paragraph"


def test_asked_mid_report_it_is_given_and_the_question_comes_again_and_cancel_keeps_it(stack):
    conversation, reference = sent_report(stack, "first")
    conversation.say("I want to report something else")
    assert asks("report_location", conversation.say("a drone over the garden wall").last_text)
    turn = conversation.say("what was my reference from before?")
    assert f"Your reference is {reference}." in turn.first_text, turn.texts
    assert REPORT_QUESTIONS["report_location"] in turn.last_text, "the form asks its question again"
    assert conversation.slot("report_location") is None, "the question was not taken as the answer"
    assert "cancelled the report" in conversation.say("cancel").first_text
    assert f"Your reference is {reference}." in conversation.say("what was my reference?").first_text


def test_forget_forgets_the_reference(stack):
    conversation, reference = sent_report(stack, "second")
    assert "deleted this conversation" in conversation.say("/forget").first_text
    assert stored_events(stack, conversation.sender) == []
    turn = conversation.say("what was my reference?")
    assert reference not in " ".join(turn.texts) and "haven't got a reference" in turn.first_text
