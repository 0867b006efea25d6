"""Checking on a report, turn by turn against a real SQLite report database (no model, no servers):
what the person is asked, what they are shown, what is stored. The same flow is served in
tests/integration/served/test_followup.py."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import followup_actions
from actions.report_store import ReportStore
from servator.storage import SqlUnitOfWork, submit_report
from tests.support.storage_helpers import full_draft, sqlite_url


@pytest.fixture
def store(tmp_path, monkeypatch) -> ReportStore:
    found = ReportStore(sqlite_url(tmp_path), str(tmp_path / "outbox"))
    monkeypatch.setattr(followup_actions, "report_store", lambda: found)
    return found


def reported(store: ReportStore, *questions: str) -> tuple[str, str]:
    result = submit_report(full_draft(), store.sessions(), store.outbox)
    with SqlUnitOfWork(store.sessions()) as uow:
        report = uow.reports.get(result.reference)
        for question in questions:
            uow.followups.ask(report.id, "pc.smith", question)
        uow.commit()
    assert result.reference and result.follow_up_code
    return result.reference, result.follow_up_code


class Person:
    """One conversation: each message runs the action with the slot it left."""

    def __init__(self, sender: str = "web-person") -> None:
        self.sender, self.details, self.restarted = sender, None, False

    async def say(self, text: str) -> list[str]:
        tracker = Tracker(
            sender_id=self.sender,
            slots={"followup_details": self.details},
            latest_message={"text": text, "intent": {"name": "check_report"}, "entities": [], "metadata": {}},
            events=[],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )
        dispatcher = CollectingDispatcher()
        events: list[dict[str, Any]] = await followup_actions.ActionCheckReport().run(dispatcher, tracker, {})
        for event in events:
            if event.get("event") == "slot" and event["name"] == "followup_details":
                self.details = event["value"]
        self.restarted = any(event.get("event") == "restart" for event in events)
        return [m.get("response") or "" for m in dispatcher.messages]


async def test_asks_for_both_then_the_code_then_shows_the_question_and_takes_the_answer(store):
    reference, code = reported(store, "Which way did he go?")
    person = Person()
    assert await person.say("I'd like to check on my report") == ["utter_followup_ask_both"]
    assert await person.say(f"it's {reference}") == ["utter_followup_ask_code"]
    assert await person.say(code.lower().replace("-", " ")) == ["utter_followup_question"]
    assert await person.say("Towards the park") == ["utter_followup_answer_passed_on"]
    assert person.restarted and person.details is None, "the check ends and the conversation is deleted"
    with SqlUnitOfWork(store.sessions()) as uow:
        [question] = uow.followups.questions(uow.reports.get(reference).id)
    assert question.answer == "Towards the park"


async def test_both_in_the_opening_message_and_no_questions_waiting(store):
    reference, code = reported(store)
    person = Person()
    assert await person.say(f"check on my report {reference} {code}") == ["utter_followup_no_questions"]
    assert person.restarted


async def test_a_wrong_reference_and_a_wrong_code_get_the_same_reply(store):
    reference, code = reported(store, "Anything else?")
    other_code = "7K3M-Q9XD-2WJP-H4TB" if code != "7K3M-Q9XD-2WJP-H4TB" else "8K3M-Q9XD-2WJP-H4TB"
    wrong_code, wrong_reference = Person("a"), Person("b")
    await wrong_code.say("check on my report")
    await wrong_reference.say("check on my report")
    assert (
        await wrong_code.say(f"{reference} {other_code}")
        == await wrong_reference.say(f"SRV-20200101-ABCDEF {code}")
        == ["utter_followup_wrong"]
    )


@pytest.mark.parametrize("stop", ["stop", "parar", "arrête", "basta", "yeter", "توقف", "停止"])
async def test_stop_leaves_the_check_without_answering(store, stop):
    reference, code = reported(store, "Was he alone?")
    person = Person()
    await person.say(f"check my report {reference} {code}")
    assert await person.say(stop) == ["utter_followup_stopped"]
    with SqlUnitOfWork(store.sessions()) as uow:
        [question] = uow.followups.questions(uow.reports.get(reference).id)
    assert question.answer is None
