"""Served: text built to make patterns backtrack is answered in bounded time, at every form step.

On a backtracking regex engine, "all good " repeated 24 times would hold a Rasa worker for seconds,
and a few such messages would stop the assistant for everyone (the grammars run on RE2 for this).
Each hostile message here must be answered within 1 s, while another person's conversation is
answered within 1 s throughout.
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.support.served import REPORT_QUESTIONS, ServedConversation, asks

pytestmark = pytest.mark.rasa

# Answers that walk the form, one per question, in the order it asks them.
ANSWERS = [
    "a man was acting strangely near the gates for a long time",
    "belgrave square",
    "about half an hour ago",
    "/deny",
    "skip",
    "a dark grey vauxhall astra, reg KM21 XPD",
    "towards hyde park corner",
    "filming or photographing",
    "yes",
    "020 7946 0123",
]
STEPS = list(REPORT_QUESTIONS)
HOSTILE = [
    "all good " * 220 + "x",
    "ok " * 600 + "?",
    "no wait can you " * 120 + "x",
    "1 " * 900 + "pm",
    "actually the time was " * 80 + "x",
]
ANSWER_WITHIN = 1.0


class Bystander(threading.Thread):
    """Another person asking questions the whole time; records how long each answer took."""

    def __init__(self, stack) -> None:
        super().__init__(daemon=True)
        self.stack, self.latencies, self.done = stack, [], threading.Event()

    def run(self) -> None:
        conversation = ServedConversation(self.stack)
        while not self.done.is_set():
            started = time.monotonic()
            replies = conversation.stack.texts(conversation.sender, "what is project servator?")
            self.latencies.append(time.monotonic() - started)
            assert replies


@pytest.mark.parametrize("step", STEPS)
def test_hostile_text_at_every_form_step_is_answered_quickly(stack, step):
    conversation = ServedConversation(stack)
    turn = conversation.say("/report_suspicious")
    for answer in ANSWERS[: STEPS.index(step)]:
        turn = conversation.say(answer)
    assert asks(step, turn.last_text), turn.texts
    bystander = Bystander(stack)
    bystander.start()
    try:
        for message in HOSTILE:
            started = time.monotonic()
            replies = stack.talk(conversation.sender, message, timeout=30)
            elapsed = time.monotonic() - started
            assert replies and elapsed < ANSWER_WITHIN, (step, message[:40], elapsed)
    finally:
        bystander.done.set()
        bystander.join(timeout=10)
    assert bystander.latencies and max(bystander.latencies) < ANSWER_WITHIN, bystander.latencies
