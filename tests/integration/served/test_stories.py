"""Every conversation of the conversation tests, replayed over HTTP against the served stack.

`rasa test` checks the policies on the story's own events; this checks what `make run` serves:
the user turns go to the REST channel one by one, and for each we compare the intent the served
NLU gave, the actions Rasa ran (from the tracker store), every `slot_was_set` the story states
(the answer stored, `requested_slot`: the question asked next), "999" in the first reply bubble
to every emergency, and, where the story submits, the report stored under the reference given.
A turn that submits or cancels a report deletes the conversation's stored events: there the
reply (the reference, the cancellation) and the empty store stand for the actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.served import REPORT_QUESTIONS, ServedConversation, asks, reference_in, stored_report

pytestmark = pytest.mark.rasa
# Actions after which the conversation's stored events are deleted (actions/privacy_actions.py,
# actions/report_actions.py).
FORGETTING_ACTIONS = {"action_submit_report", "action_cancel_report", "action_restart"}

STORIES = Path(__file__).resolve().parents[2] / "data" / "test_stories.yml"
Step = dict[str, Any]


def stories() -> list[dict[str, Any]]:
    """The stories a served stack can replay (`metadata: {served: false}` needs a failure served
    tests cannot cause mid-turn)."""
    every = yaml.safe_load(STORIES.read_text(encoding="utf-8"))["stories"]
    return [story for story in every if (story.get("metadata") or {}).get("served", True)]


def user_turns(steps: list[Step]) -> list[tuple[Step, list[Step]]]:
    """Each user step with the steps that follow it up to the next user step."""
    turns: list[tuple[Step, list[Step]]] = []
    for step in steps:
        if "user" in step:
            turns.append((step, []))
        elif turns:
            turns[-1][1].append(step)
    return turns


def expected_slots(steps: list[Step]) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    for step in steps:
        for item in step.get("slot_was_set") or []:
            slots.update(item)
    return slots


@pytest.mark.parametrize("story", stories(), ids=lambda story: story["story"][:60])
def test_story_holds_when_served(stack, story):
    conversation = ServedConversation(stack)
    description = None
    for user, following in user_turns(story["steps"]):
        text = user["user"].strip()
        turn = conversation.say(text)
        where = f"{story['story']!r}, after {text!r}: replies {turn.texts}"
        expected_actions = [step["action"] for step in following if "action" in step]
        if turn.forgotten:
            assert expected_actions[-1:] and expected_actions[-1] in FORGETTING_ACTIONS, (
                f"the conversation was deleted in a turn that should keep it ({where})"
            )
            if expected_actions[-1] == "action_cancel_report":
                assert "cancelled the report" in turn.last_text and "deleted" in turn.last_text, where
        else:
            assert turn.intent == user["intent"], (
                f"served intent {turn.intent}, story says {user['intent']} ({where})"
            )
            assert turn.actions == expected_actions, where
            assert not set(expected_actions) & FORGETTING_ACTIONS, f"the conversation was kept ({where})"
        if user["intent"] == "emergency":
            assert "999" in turn.first_text, f"999 not in the first reply bubble ({where})"
        for slot, value in ({} if turn.forgotten else expected_slots(following)).items():
            assert conversation.slot(slot) == value, (
                f"{slot} is {conversation.slot(slot)!r}, not {value!r} ({where})"
            )
            if slot == "requested_slot" and value in REPORT_QUESTIONS:
                assert asks(value, turn.last_text), f"the last reply does not ask {value} ({where})"
        description = turn.slots.get("report_description") or description
        if "action_submit_report" in expected_actions:
            reference = reference_in(turn.last_text)
            assert reference, f"no reference in the confirmation ({where})"
            report = stored_report(stack.database_url, reference)
            assert report is not None and report["description"] == description, where
