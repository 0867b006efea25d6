"""Checking on a report: the reference and the follow-up code, then officers' questions and the answers.

"I'd like to check on my report" starts a check (rule: intent `check_report`); while it is under way
nlu/followup_gate.py makes every message `check_report` too, and this action takes it: first the
reference and the code (together or one after the other), then, when they match, the questions still
waiting, the next message being the answer to the oldest. A wrong reference and a wrong code get the
same reply; the lockout and the per-address limit are servator.storage's FollowUps.check. When the
check ends the conversation restarts, so the code and the answers typed here are deleted from it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.reference_actions import kept_reference
from actions.report_store import report_store
from reading import regex
from reading.language.answers import asks_to_stop
from servator.config.settings import sender_hash
from servator.storage import REFERENCE_PATTERN, SqlUnitOfWork, find_code

log = logging.getLogger(__name__)
FOLLOWUP_SLOT = "followup_details"
# Messages that leave the check ("stop", "cancel", "never mind", "no thanks"; in the other
# languages, languages/<code>/form_answers.yml `stop`).
_STOP = regex.compile(
    r"\s*(?:stop|cancel|quit|exit|leave it|never ?mind|no thanks?|no thank you|forget it)[\s.!]*",
    ignore_case=True,
)
# Messages in the credentials stage that gave neither a reference nor a code, before the check ends.
MAX_UNREADABLE = 2
# Wrong reference-and-code pairs in one check before it ends (the storage lockout counts across checks).
MAX_WRONG = 3


class StorageUnavailable(Exception):
    """The report database could not be reached."""


def _reference_in(text: str) -> str | None:
    found = REFERENCE_PATTERN.search(text.upper())
    return found.group(0) if found else None


def _code_in(text: str) -> str | None:
    return find_code(REFERENCE_PATTERN.sub(" ", text.upper()))


def _address_hash(tracker: Tracker) -> str:
    """Whom the per-address limit counts: the address the REST channel saw (a keyed hash), else the
    conversation."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    given = metadata.get("address_hash") if isinstance(metadata, dict) else None
    return given if isinstance(given, str) and given else sender_hash(f"conversation:{tracker.sender_id}")


def _run(work: Any) -> Any:
    sessions = report_store().sessions()
    if sessions is None:
        raise StorageUnavailable
    try:
        with SqlUnitOfWork(sessions) as uow:
            result = work(uow)
            uow.commit()
            return result
    except (SQLAlchemyError, OSError) as error:
        log.warning("follow-up storage failed (%s)", type(error).__name__)
        raise StorageUnavailable from error


def _check(reference: str, code: str, address_hash: str) -> tuple[str, list[str]]:
    """(outcome, the questions waiting) for a reference and a code."""

    def work(uow: SqlUnitOfWork) -> tuple[str, list[str]]:
        checked = uow.followups.check(reference, code, address_hash)
        if checked.outcome != "ok" or checked.report_id is None:
            return checked.outcome, []
        uow.audit.record("reporter", "followup_check", reference, "reference and code checked")
        return "ok", [q.question for q in uow.followups.open_questions(checked.report_id)]

    outcome: tuple[str, list[str]] = _run(work)
    return outcome


def _answer(reference: str, text: str, channel: str) -> list[str] | None:
    """Stores `text` as the answer to the oldest open question; the questions still open after it, or
    None when there was none to answer."""

    def work(uow: SqlUnitOfWork) -> list[str] | None:
        report = uow.reports.get(reference)
        open_questions = uow.followups.open_questions(report.id) if report is not None else []
        if report is None or not open_questions:
            return None
        answered = uow.followups.answer(open_questions[0].id, text, channel)
        if answered is None:
            return None
        uow.audit.record("reporter", "followup_answer", reference, f"answer to question {answered.id}")
        return [q.question for q in open_questions[1:]]

    remaining: list[str] | None = _run(work)
    return remaining


def _ask_question(
    dispatcher: CollectingDispatcher, reference: str, questions: list[str], answered: int
) -> None:
    dispatcher.utter_message(
        response="utter_followup_question",
        reference=reference,
        question=questions[0],
        position=answered + 1,
        count=answered + len(questions),
    )


class ActionCheckReport(Action):
    def name(self) -> str:
        return "action_check_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        details = tracker.get_slot(FOLLOWUP_SLOT)
        details = dict(details) if isinstance(details, dict) else {}
        text = str((tracker.latest_message or {}).get("text") or "")
        opening = details.get("stage") not in ("credentials", "answer")
        if opening:
            details = {"stage": "credentials"}
        elif _STOP.fullmatch(text) or asks_to_stop(text):
            dispatcher.utter_message(response="utter_followup_stopped")
            return self._end(tracker)
        try:
            if details["stage"] == "answer":
                return await self._answer(dispatcher, tracker, details, text)
            return await self._credentials(dispatcher, tracker, details, text, opening)
        except StorageUnavailable:
            dispatcher.utter_message(response="utter_followup_unavailable")
            return self._end(tracker)

    async def _credentials(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        details: dict[str, Any],
        text: str,
        opening: bool,
    ) -> list[EventType]:
        given_reference = _reference_in(text)
        reference = given_reference or details.get("reference")
        code = _code_in(text)
        if reference is None or code is None:
            if not opening and given_reference is None and code is None:
                details["unreadable"] = int(details.get("unreadable", 0)) + 1
                if details["unreadable"] > MAX_UNREADABLE:
                    dispatcher.utter_message(response="utter_followup_gave_up")
                    return self._end(tracker)
            if reference is not None:
                details["reference"] = reference
            dispatcher.utter_message(
                response="utter_followup_ask_code" if reference else "utter_followup_ask_both"
            )
            return [SlotSet(FOLLOWUP_SLOT, details)]
        outcome, questions = await asyncio.to_thread(_check, reference, code, _address_hash(tracker))
        if outcome in ("locked", "limited"):
            dispatcher.utter_message(response="utter_followup_refused")
            return self._end(tracker)
        if outcome != "ok":
            details = {"stage": "credentials", "wrong": int(details.get("wrong", 0)) + 1}
            if details["wrong"] >= MAX_WRONG:
                dispatcher.utter_message(response="utter_followup_wrong")
                dispatcher.utter_message(response="utter_followup_gave_up")
                return self._end(tracker)
            dispatcher.utter_message(response="utter_followup_wrong")
            return [SlotSet(FOLLOWUP_SLOT, details)]
        if not questions:
            dispatcher.utter_message(response="utter_followup_no_questions", reference=reference)
            return self._end(tracker)
        _ask_question(dispatcher, reference, questions, 0)
        return [SlotSet(FOLLOWUP_SLOT, {"stage": "answer", "reference": reference, "answered": 0})]

    async def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, details: dict[str, Any], text: str
    ) -> list[EventType]:
        reference = str(details.get("reference") or "")
        channel = tracker.get_latest_input_channel() or "rest"
        remaining = await asyncio.to_thread(_answer, reference, text, channel) if text else None
        if remaining is None:
            dispatcher.utter_message(response="utter_followup_no_questions", reference=reference)
            return self._end(tracker)
        dispatcher.utter_message(response="utter_followup_answer_passed_on")
        if not remaining:
            return self._end(tracker)
        answered = int(details.get("answered", 0)) + 1
        _ask_question(dispatcher, reference, remaining, answered)
        return [SlotSet(FOLLOWUP_SLOT, {**details, "answered": answered})]

    @staticmethod
    def _end(tracker: Tracker) -> list[EventType]:
        """The check is over: the conversation restarts (deleting the code and answers typed in it)."""
        return [SlotSet(FOLLOWUP_SLOT, None), Restarted(), *kept_reference(tracker)]
