"""Talking to the served stack as a person would, and reading back what it did.

Each turn is one POST to the REST channel. What Rasa did in that turn is read from the
tracker store's `events` table in the stack's database (the same rows `make run` writes):
the intent the served NLU gave the message, the actions Rasa ran, and the slots that were set.
A turn that cancels or submits a report, or `/forget`, deletes the conversation's stored events
(servator.rasa_runtime.tracker_store; a sent report's reference alone is kept): what Rasa did in it can no longer
be read back, so such a turn is marked `forgotten` and its replies say what happened.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from reading.references import REFERENCE_PATTERN

REPORT_QUESTIONS = {
    "report_description": "What did you see?",
    "report_location": "Where was this?",
    "report_when": "When did you see it?",
    "report_ongoing": "Is it still happening",
    "report_people": "Can you describe the people involved",
    "report_vehicle": "Was there a vehicle?",
    "report_direction": "Which way did they go?",
    "report_category": "Which of these best describes",
    "report_contact_consent": "Would you like officers to be able to contact you",
    "report_contact": "What phone number or e-mail address",
    "report_confirm": "Here is your report",
}
# Also the summary question: the short prompt after unclear answers, the list of fields to change.
SUMMARY_PROMPTS = ("Here is your report", "hasn't been sent yet", "Which part would you like to change")


def joined(replies: list[dict[str, Any]]) -> str:
    """The texts of a turn's replies, one a line."""
    return "\n".join(r.get("text", "") for r in replies)


def asks(slot: str, text: str) -> bool:
    """Whether `text` is the form's question for `slot`."""
    if slot == "report_confirm":
        return any(prompt in text for prompt in SUMMARY_PROMPTS)
    return REPORT_QUESTIONS[slot] in text


def asked_slot(text: str) -> str | None:
    """The report question `text` asks (the summary is report_confirm), or None."""
    return next((slot for slot in REPORT_QUESTIONS if asks(slot, text)), None)


def walk_to_summary(
    send: Callable[[str], str], reply: str, answers: Mapping[str, str], max_turns: int = 12
) -> tuple[str, list[str]]:
    """Answers each question the form asks with `answers[slot]` until the summary, as a person
    would: whatever order, skipping what they already said. Returns the summary and the questions
    asked, in order; fails if a question is asked twice or the form goes quiet."""
    asked: list[str] = []
    for _ in range(max_turns):
        slot = asked_slot(reply)
        assert slot is not None, f"no report question in {reply!r}"
        if slot == "report_confirm":
            return reply, asked
        assert slot not in asked, f"{slot} asked twice: {reply!r}"
        asked.append(slot)
        reply = send(answers[slot])
    raise AssertionError(f"no summary after {max_turns} answers; asked {asked}")


@dataclass
class Turn:
    """One message and everything the served assistant did about it."""

    message: Any
    replies: list[dict[str, Any]]
    intent: str | None
    actions: list[str]
    slots: dict[str, Any] = field(default_factory=dict)
    # The conversation's stored events were deleted in this turn (nothing of it can be read back).
    forgotten: bool = False

    @property
    def texts(self) -> list[str]:
        return [reply.get("text") or "" for reply in self.replies]

    @property
    def first_text(self) -> str:
        return self.texts[0] if self.texts else ""

    @property
    def last_text(self) -> str:
        return self.texts[-1] if self.texts else ""


class ServedConversation:
    """One person's conversation with the stack, turn by turn."""

    def __init__(self, stack: Any, sender: str | None = None) -> None:
        self.stack = stack
        self.sender = sender or f"served-{uuid.uuid4().hex[:12]}"
        self.engine = _engine(stack.database_url)
        self.turns: list[Turn] = []

    def say(self, message: Any) -> Turn:
        """Send one message; returns the replies and what Rasa did in that turn."""
        before = self._last_event_id()
        replies = self.stack.talk(self.sender, message)
        turn = self._turn(message, replies, before)
        self.turns.append(turn)
        return turn

    def requested_slot(self) -> str | None:
        """The question the form is waiting on now (None outside the form)."""
        return self.slot("requested_slot")

    def answer_to_summary(self, no: str, skip: str, max_turns: int = 8) -> list[str]:
        """Answers "no" to the danger and contact questions and "skip" to the others, in any
        language, until the summary; returns the questions asked, in order."""
        asked: list[str] = []
        for _ in range(max_turns):
            slot = self.requested_slot()
            if slot in (None, "report_confirm"):
                break
            asked.append(slot)
            self.say(no if slot in ("report_ongoing", "report_contact_consent") else skip)
        return asked

    def slot(self, name: str) -> Any:
        """The value the tracker holds for `name` now (the last slot event)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'slot' ORDER BY id"),
                {"s": self.sender},
            ).all()
        value = None
        for (data,) in rows:
            event = json.loads(data)
            if event.get("name") == name:
                value = event.get("value")
        return value

    def _last_event_id(self) -> int:
        with self.engine.connect() as connection:
            found = connection.execute(
                sa.text("SELECT MAX(id) FROM events WHERE sender_id = :s"), {"s": self.sender}
            ).scalar()
        return int(found or 0)

    def _turn(self, message: Any, replies: list[dict[str, Any]], after: int) -> Turn:
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT type_name, intent_name, action_name, data FROM events "
                    "WHERE sender_id = :s AND id > :after ORDER BY id"
                ),
                {"s": self.sender, "after": after},
            ).all()
        intent: str | None = None
        actions: list[str] = []
        slots: dict[str, Any] = {}
        for type_name, intent_name, action_name, data in rows:
            if type_name == "user":
                intent = intent_name
            elif type_name == "action" and action_name not in ("action_listen", "action_session_start"):
                actions.append(action_name)
            elif type_name == "slot":
                event = json.loads(data)
                slots[event["name"]] = event.get("value")
        # Every kept turn stores its message; a forgetting turn keeps at most the sent report's reference.
        forgotten = not any(type_name == "user" for type_name, *_ in rows)
        return Turn(message, replies, intent, actions, slots, forgotten)


_ENGINES: dict[str, sa.engine.Engine] = {}


def _engine(database_url: str) -> sa.engine.Engine:
    if database_url not in _ENGINES:
        _ENGINES[database_url] = sa.create_engine(database_url, future=True)
    return _ENGINES[database_url]


def stored_report(database_url: str, reference: str) -> dict[str, Any] | None:
    """The report row officers would see, by reference (None if nothing was stored)."""
    with _engine(database_url).connect() as connection:
        row = (
            connection.execute(sa.text("SELECT * FROM reports WHERE reference = :r"), {"r": reference})
            .mappings()
            .first()
        )
    return dict(row) if row else None


def reference_in(text: str) -> str | None:
    """The SRV-... reference a confirmation names (in any language's punctuation: "SRV-…।", "SRV-…。")."""
    found = REFERENCE_PATTERN.search(text)
    return str(found.group(0)) if found else None
