"""A long conversation rolls over into a new session (servator/rasa_runtime/patches/session_rollover.py), and
a half-filled report survives it: served over HTTP by the stack `make run` starts."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from servator.rasa_runtime.patches.session_rollover import MAX_SESSION_EVENTS
from tests.support.reports import export
from tests.support.served import joined

pytestmark = pytest.mark.rasa

# Questions asked in the middle of the report: each is answered, then the form asks again.
MID_REPORT_QUESTIONS = (
    "hang on, are the servator officers carrying guns?",
    "why do you do these patrols anyway",
    "what's the number for the anti terror hotline",
    "is a police officer reading this chat",
)


def sessions_started(database_url: str, sender: str) -> int:
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT count(*) FROM events WHERE sender_id = :s AND type_name = 'session_started'"),
                {"s": sender},
            ).scalar_one()
    finally:
        engine.dispose()


def test_half_filled_report_survives_the_roll_over_and_is_stored_once(stack):
    user = f"rollover-{uuid.uuid4().hex[:12]}"
    tag = f"rollover{uuid.uuid4().hex[:8]}"
    description = f"two people photographing the embassy cameras from a parked van ({tag})"
    assert "Where" in joined(stack.talk(user, description))
    assert "When" in joined(stack.talk(user, "on the corner of south audley street"))
    assert sessions_started(stack.database_url, user) == 1

    # Questions mid-report until the session is full and the next message starts a new one.
    turns = 0
    while sessions_started(stack.database_url, user) == 1:
        assert turns < MAX_SESSION_EVENTS, "the session never rolled over"
        replies = joined(stack.talk(user, MID_REPORT_QUESTIONS[turns % len(MID_REPORT_QUESTIONS)]))
        assert "When" in replies, f"turn {turns}: the report's question was not asked again: {replies}"
        turns += 1
    assert turns >= 2  # questions were asked mid-report before the roll-over

    # The report carries on from its third question in the new session.
    assert "still happening" in joined(stack.talk(user, "around twenty minutes ago"))
    assert "describe the people" in joined(stack.talk(user, "/deny"))
    assert "vehicle" in joined(stack.talk(user, "skip"))
    assert "Which way" in joined(stack.talk(user, "a white transit van"))
    assert "contact you" in joined(stack.talk(user, "skip"))
    summary = joined(stack.talk(user, "/deny"))
    assert "Here is your report" in summary and tag in summary, summary
    done = joined(stack.talk(user, "/affirm"))
    assert "reference is SRV-" in done, done
    reference = done.split("reference is ")[1].split(".")[0]

    stored = {r["reference"]: r for r in export(stack.database_url)}[reference]
    assert stored["description"] == description
    assert "south audley" in stored["location_text"].lower()
    assert "white transit van" in (stored["vehicle_text"] or "")
    stack.talk(user, "/affirm")  # a retried last message makes no second report
    assert sum(1 for r in export(stack.database_url) if tag in (r["description"] or "")) == 1


def test_a_long_conversation_keeps_answering_across_roll_overs(stack):
    user = f"rollover-{uuid.uuid4().hex[:12]}"
    questions = ("what is project servator", "thanks", "which number do i call about something odd")
    for turn in range(MAX_SESSION_EVENTS // 2):
        replies = stack.talk(user, questions[turn % len(questions)])
        assert replies and replies[0].get("text"), f"turn {turn} got no answer"
    assert sessions_started(stack.database_url, user) >= 2
    assert "999" in stack.talk(user, "he has a knife and is attacking people")[0]["text"]
    assert "nothing to cancel" in joined(stack.talk(user, "/cancel")).lower()
