"""Report actions: starting a report, changing an answer, the summary question, submission, reset."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
import uuid
from datetime import datetime

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import form_turn as turn
from actions import report_fields as fields
from actions.reference_actions import REFERENCE_SLOT, kept_language, kept_reference
from actions.report_account import describes_a_sighting, happened_on_railway, stated_slots
from actions.report_corrections import apply_correction
from actions.report_details import SLOT as DETAILS_SLOT
from actions.report_details import details_event, read_details, retries_of
from actions.report_store import report_store
from actions.summary_words import summary_in_language
from reading.form import grammar as grammar
from reading.london import LONDON
from servator.config.constants import LOOP_STARTED_KEY
from servator.http.metrics import ACTION_SECONDS
from servator.storage import InvalidDraft

log = logging.getLogger(__name__)

# Every slot of a report: the answers a person may change, then the ones the form and actions keep.
REPORT_SLOTS = fields.FIELD_SLOTS + ("report_contact", "report_confirm", "report_railway", DETAILS_SLOT)


def _reset_events(tracker: Tracker, keep: tuple[str, ...] = ()) -> list[EventType]:
    """A SlotSet(None) for every report slot that holds a value (the others are already empty)."""
    return [
        SlotSet(slot, None)
        for slot in REPORT_SLOTS
        if slot not in keep and tracker.get_slot(slot) is not None
    ]


def _when(tracker: Tracker) -> str:
    """The person's words, with the moment they were read as in London time ("about 4pm (Wed 25 Nov, 16:00 GMT)")."""
    words = tracker.get_slot("report_when") or fields.NOT_GIVEN
    resolved = read_details(tracker).get("when_iso")
    if words == fields.NOT_GIVEN or not isinstance(resolved, str):
        return words
    try:
        moment = datetime.fromisoformat(resolved).astimezone(LONDON)
    except ValueError:
        return words
    return f"{words} ({moment:%a %d %b %Y, %H:%M %Z})"


def _vehicle(tracker: Tracker) -> str:
    """The vehicle as said, with the registration that will be stored when the words don't show it
    ("a silver prius (KT68 XRV)"), so the person can check the plate before sending."""
    words = tracker.get_slot("report_vehicle") or fields.NOT_GIVEN
    plate = read_details(tracker).get("registration")
    if not isinstance(plate, str) or not plate:
        return words
    if words == fields.NOT_GIVEN:
        return plate
    if plate.replace(" ", "").upper() in words.replace(" ", "").upper():
        return words
    return f"{words} ({plate})"


def _summary_values(tracker: Tracker) -> dict[str, str]:
    slot = tracker.get_slot
    contact = slot("report_contact") if slot("report_contact_consent") == "yes" else "anonymous"
    english = {
        "description": slot("report_description") or fields.NOT_GIVEN,
        "location": slot("report_location") or fields.NOT_GIVEN,
        "when": _when(tracker),
        "ongoing": slot("report_ongoing") or fields.NOT_GIVEN,
        "people": slot("report_people") or fields.NOT_GIVEN,
        "vehicle": _vehicle(tracker),
        "direction": slot("report_direction") or fields.NOT_GIVEN,
        "category": fields.CATEGORIES.get(slot("report_category") or "", fields.NOT_GIVEN),
        "contact": contact or fields.NOT_GIVEN,
    }
    return summary_in_language(english, slot("report_category"), turn.language(tracker))


def _submission_key(tracker: Tracker) -> str:
    """Same report, same key: the sender plus the report's draft id (set when it started, carried in
    its slots into a new session). A report started before draft ids falls back to the moment its
    form started (an ActiveLoop event, or its carried start in a new session's metadata)."""
    started = read_details(tracker).get("draft_id") or next(
        (
            (e.get("metadata") or {}).get(LOOP_STARTED_KEY, e.get("timestamp"))
            for e in reversed(tracker.events)
            if e.get("event") == "active_loop" and e.get("name") == "report_form"
        ),
        None,
    )
    return hashlib.sha256(f"{tracker.sender_id}:{started}".encode()).hexdigest()


class ActionStartReport(Action):
    """A fresh report (a description that started it is kept), with BTP's number for the railway."""

    def name(self) -> str:
        return "action_start_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        intent = (message.get("intent") or {}).get("name")
        described = intent == "describe_suspicious" or (
            intent == "report_suspicious"
            and not grammar.is_payload(text)
            and describes_a_sighting(text, turn.language(tracker))
        )
        events = _reset_events(tracker, keep=("report_description",) if described else ())
        if described:
            # Everything the opening message already says; report_form validates it on activation.
            if intent != "describe_suspicious":
                events.append(SlotSet("report_description", text))
            events += [
                SlotSet(slot, value)
                for slot, value in stated_slots(text, language=turn.language(tracker)).items()
            ]
        events.append(details_event({"draft_id": uuid.uuid4().hex}))
        dispatcher.utter_message(response="utter_report_start")
        if happened_on_railway(text, turn.language(tracker)):
            dispatcher.utter_message(response="utter_railway_also")
            events.append(SlotSet("report_railway", True))
        return events


class ActionChangeReportField(Action):
    """Clears the answer the person wants to change, so the form asks it again (or lists the fields)."""

    def name(self) -> str:
        return "action_change_report_field"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message or {}
        named = next(
            (e.get("value") for e in message.get("entities") or [] if e.get("entity") == "report_field"), None
        )
        text = message.get("text") or ""
        field = (
            named
            if named in fields.FIELD_SLOTS
            else (grammar.change_request(text) or grammar.field_named(text))
        )
        details = read_details(tracker)
        at_summary = tracker.get_slot("requested_slot") == "report_confirm"
        corrected = grammar.correction(text, at_summary) if not named else None
        added = grammar.addition(text) if at_summary and not named and corrected is None else None
        if added:  # "can I add that he had a backpack?": the description grows, the summary shows it
            described = str(tracker.get_slot("report_description") or "")
            previous = "" if described == fields.NOT_GIVEN else described.rstrip(" .")
            corrected = ("report_description", f"{previous}. {added}" if previous else added)
        if corrected is not None:
            applied = await apply_correction(*corrected, dispatcher, tracker, domain)
            if applied is not None:
                if not at_summary:  # at the summary the summary itself shows the change
                    slot, value = corrected
                    dispatcher.utter_message(
                        response="utter_correction_applied",
                        field=fields.FIELD_LABELS.get(slot, "That answer"),
                        value=next((e["value"] for e in applied if e.get("name") == slot), value),
                    )
                return [*applied, SlotSet("report_confirm", None)]
            field = corrected[0] if corrected[0] in fields.FIELD_SLOTS else "report_contact_consent"
        if field not in fields.FIELD_SLOTS:
            details["pick_field"] = at_summary
            if not at_summary:
                dispatcher.utter_message(response="utter_ask_which_field")
            return [details_event(details)]
        details["pick_field"] = False
        # Re-asked from the summary: "send it" keeps the answer it had (actions/report_validation.py).
        details["changing"] = {"slot": field, "previous": tracker.get_slot(field)} if at_summary else None
        retries = retries_of(details)
        retries.pop(field, None)
        retries.pop("report_confirm", None)
        details["retries"] = retries
        events: list[EventType] = [SlotSet(field, None), SlotSet("report_confirm", None)]
        if field == "report_contact_consent":
            events.append(SlotSet("report_contact", None))
        return events + [details_event(details)]


# The summary is shown at most twice for unclear answers; after that a short prompt, and the
# report is still only sent on a yes.
MAX_UNCLEAR_BEFORE_PROMPT = 1


class ActionAskReportConfirm(Action):
    """Shows the summary (or the list of fields, when the person wants to change one)."""

    def name(self) -> str:
        return "action_ask_report_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        details = read_details(tracker)
        unclear = (details.get("retries") or {}).get("report_confirm", 0)
        if details.get("pick_field"):
            dispatcher.utter_message(response="utter_ask_which_field")
        elif unclear > MAX_UNCLEAR_BEFORE_PROMPT:
            dispatcher.utter_message(response="utter_report_not_sent_yet")
        else:
            if unclear:
                dispatcher.utter_message(response="utter_invalid_confirm")
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
            return _reset_events(tracker)
        started = time.perf_counter()
        danger = tracker.get_slot("report_ongoing") in ("yes", "not sure")
        guidance = "999,hotline" if danger else "hotline"
        if tracker.get_slot("report_railway"):
            guidance += ",railway"
        # Storage blocks (and may wait for a timeout): in a thread, so other turns go on meanwhile.
        try:
            result = await asyncio.to_thread(
                report_store().submit, tracker, submission_key=_submission_key(tracker), guidance=guidance
            )
        except InvalidDraft as error:  # a forged or buggy tracker: the message names fields, not values
            log.error("report refused, nothing stored: %s", error)
            dispatcher.utter_message(response="utter_report_refused")
            return _reset_events(tracker)
        finally:
            ACTION_SECONDS.labels(self.name()).observe(time.perf_counter() - started)
        kept = kept_reference(tracker)
        if result.stored:
            response = "utter_report_submitted_danger" if danger else "utter_report_submitted"
            dispatcher.utter_message(
                response=response, reference=result.reference, follow_up_code=result.follow_up_code
            )
            kept = [SlotSet(REFERENCE_SLOT, result.reference)]
        elif result.refused:  # past the sender's reports for the hour: nothing was stored
            dispatcher.utter_message(response="utter_report_limit_reached")
        else:
            dispatcher.utter_message(response="utter_report_not_saved")
        # The report now lives in storage (or the outbox): the conversation that held its answers
        # restarts, and the tracker store deletes it instead of saving it (servator.rasa_runtime.tracker_store),
        # keeping only the reference set after the restart, for "what was my reference?".
        return [*_reset_events(tracker), Restarted(), *kept, *kept_language(tracker)]


class ActionResetReport(Action):
    """Clears every report slot so a new report starts empty."""

    def name(self) -> str:
        return "action_reset_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return _reset_events(tracker)
