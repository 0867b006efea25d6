"""The held-out form answer set (tests/data/form_answers.yml), sent over HTTP to the served stack.

Each answer gets a fresh conversation brought to its question, then the answer is sent and we
check what a person would notice: the answer stored as written and the next question asked
(kept), not a cancelled report, an FAQ, or the same question again. Commands, questions to the
assistant and emergencies sent at a step must all be obeyed. Figures are printed (-s).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.served import ServedConversation, Turn, asks

pytestmark = pytest.mark.rasa

ANSWER_SET = Path(__file__).resolve().parents[2] / "data" / "form_answers.yml"
# How a conversation reaches each question: these answers, in the form's order.
ROUTE: list[tuple[str, str]] = [
    ("report_description", "a man was filming the gate on his phone"),
    ("report_location", "grosvenor square"),
    ("report_when", "about 20 minutes ago"),
    ("report_ongoing", "/deny"),
    ("report_people", "skip"),
    ("report_vehicle", "skip"),
    ("report_direction", "towards the park"),
]
QUESTION_ACTIONS = {"utter_faq", "utter_contact", "utter_bot_challenge", "utter_report_start"}
MIN_KEPT = 0.98
WORKERS = 4


def answer_set() -> dict[str, Any]:
    return yaml.safe_load(ANSWER_SET.read_text(encoding="utf-8"))


def at_question(stack: Any, slot: str) -> ServedConversation:
    """A new conversation whose report form is asking `slot`."""
    conversation = ServedConversation(stack)
    conversation.say("/report_suspicious")
    for step, answer in ROUTE:
        if step == slot:
            break
        conversation.say(answer)
    assert conversation.requested_slot() == slot, f"could not reach {slot}: {conversation.turns[-1].texts}"
    return conversation


def kept_as_answer(slot: str, answer: str, turn: Turn, now_asking: Any) -> bool:
    """Stored as written, nothing but the form ran, and the form moved to another question."""
    return turn.slots.get(slot) == answer.strip() and turn.actions == ["report_form"] and now_asking != slot


def send_answer(stack: Any, slot: str, answer: str) -> tuple[str, str, bool, str]:
    conversation = at_question(stack, slot)
    turn = conversation.say(answer)
    now_asking = conversation.requested_slot()
    kept = kept_as_answer(slot, answer, turn, now_asking)
    return (
        slot,
        answer,
        kept,
        f"actions={turn.actions} stored={turn.slots.get(slot)!r} asking={now_asking} {turn.texts}",
    )


def test_free_text_answers_are_kept_as_answers(stack):
    cases = [(slot, answer) for slot, answers in answer_set()["answers"].items() for answer in answers]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda case: send_answer(stack, *case), cases))
    missed = [(slot, answer, why) for slot, answer, kept, why in results if not kept]
    for slot in answer_set()["answers"]:
        total = sum(1 for r in results if r[0] == slot)
        kept = sum(1 for r in results if r[0] == slot and r[2])
        print(f"{slot}: {kept}/{total} kept as answers")
    rate = 1 - len(missed) / len(results)
    print(f"answer set: {len(results) - len(missed)}/{len(results)} kept ({rate:.1%}); missed: {missed}")
    assert all(sum(1 for r in results if r[0] == slot) >= 30 for slot in answer_set()["answers"])
    assert rate >= MIN_KEPT, missed


def obeyed(command: dict[str, Any], turn: Turn, conversation: ServedConversation) -> bool:
    at, expect = command["at"], command["expect"]
    asking = conversation.requested_slot()
    if expect == "cancel":
        # Cancelling deletes the conversation's stored events, so the turn's actions are gone too.
        return turn.forgotten and "cancelled the report" in turn.last_text
    if expect == "change":
        if "action_change_report_field" not in turn.actions:
            return False
        field = command.get("field")
        if field is None:
            return asking == at and any("Which part would you like to change" in t for t in turn.texts)
        return asking == field and asks(field, turn.last_text)
    if expect == "question":
        return (
            bool(turn.actions)
            and turn.actions[0] in QUESTION_ACTIONS
            and turn.actions[-1] == "report_form"
            and at not in turn.slots
            and asking == at
            and asks(at, turn.last_text)
        )
    if expect == "emergency":
        return (
            "999" in turn.first_text
            and turn.actions[:1] == ["utter_emergency"]
            and at not in turn.slots
            and asking == at
            and asks(at, turn.last_text)
        )
    raise ValueError(f"unknown expectation {expect}")


def send_command(stack: Any, command: dict[str, Any]) -> tuple[dict[str, Any], bool, str]:
    conversation = at_question(stack, command["at"])
    turn = conversation.say(command["text"])
    return command, obeyed(command, turn, conversation), f"actions={turn.actions} {turn.texts}"


def test_commands_questions_and_emergencies_are_all_obeyed(stack):
    commands = answer_set()["commands"]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda command: send_command(stack, command), commands))
    failed = [(command["text"], command["at"], why) for command, ok, why in results if not ok]
    by_kind: dict[str, list[bool]] = {}
    for command, ok, _ in results:
        by_kind.setdefault(command["expect"], []).append(ok)
    print("commands obeyed: " + ", ".join(f"{kind} {sum(oks)}/{len(oks)}" for kind, oks in by_kind.items()))
    assert len(commands) >= 40
    assert failed == []
