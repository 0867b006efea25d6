"""Report actions: the summary question, submission to storage, and reset."""

from __future__ import annotations

import asyncio
import hashlib
import time

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import report_fields as fields
from actions.report_store import report_store
from servator.metrics import ACTION_SECONDS

REPORT_SLOTS = (
    "report_description",
    "report_location",
    "report_when",
    "report_ongoing",
    "report_people",
    "report_vehicle",
    "report_direction",
    "report_category",
    "report_contact_consent",
    "report_contact",
    "report_confirm",
    "report_details",
)


def _reset_events() -> list[EventType]:
    return [SlotSet(slot, None) for slot in REPORT_SLOTS]


def _summary_values(tracker: Tracker) -> dict[str, str]:
    slot = tracker.get_slot
    contact = slot("report_contact") if slot("report_contact_consent") == "yes" else "anonymous"
    return {
        "description": slot("report_description") or fields.NOT_GIVEN,
        "location": slot("report_location") or fields.NOT_GIVEN,
        "when": slot("report_when") or fields.NOT_GIVEN,
        "ongoing": slot("report_ongoing") or fields.NOT_GIVEN,
        "people": slot("report_people") or fields.NOT_GIVEN,
        "vehicle": slot("report_vehicle") or fields.NOT_GIVEN,
        "direction": slot("report_direction") or fields.NOT_GIVEN,
        "category": fields.CATEGORIES.get(slot("report_category") or "", fields.NOT_GIVEN),
        "contact": contact or fields.NOT_GIVEN,
    }


def _submission_key(tracker: Tracker) -> str:
    """Same report, same key: the sender plus the moment this report form was started."""
    started = next(
        (
            e.get("timestamp")
            for e in reversed(tracker.events)
            if e.get("event") == "active_loop" and e.get("name") == "report_form"
        ),
        None,
    )
    return hashlib.sha256(f"{tracker.sender_id}:{started}".encode()).hexdigest()


class ActionAskReportConfirm(Action):
    """Shows the summary (or the list of fields, when the person wants to change one)."""

    def name(self) -> str:
        return "action_ask_report_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if (tracker.get_slot("report_details") or {}).get("pick_field"):
            dispatcher.utter_message(response="utter_ask_which_field")
        else:
            dispatcher.utter_message(response="utter_report_summary", **_summary_values(tracker))
        return []


class ActionSubmitReport(Action):
    """Commits the report before saying so; queues it durably if storage is down."""

    def name(self) -> str:
        return "action_submit_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("report_confirm") != "confirmed":
            return _reset_events()
        started = time.perf_counter()
        danger = tracker.get_slot("report_ongoing") in ("yes", "not sure")
        guidance = "999,hotline" if danger else "hotline"
        # Storage blocks (and may wait for a timeout): in a thread, so other turns go on meanwhile.
        result = await asyncio.to_thread(
            report_store().submit, tracker, submission_key=_submission_key(tracker), guidance=guidance
        )
        ACTION_SECONDS.labels(self.name()).observe(time.perf_counter() - started)
        if result.stored:
            response = "utter_report_submitted_danger" if danger else "utter_report_submitted"
            dispatcher.utter_message(response=response, reference=result.reference)
        else:
            dispatcher.utter_message(response="utter_report_not_saved")
        return _reset_events()


class ActionResetReport(Action):
    """Clears every report slot so a new report starts empty."""

    def name(self) -> str:
        return "action_reset_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return _reset_events()
