"""validate_report_form: one validate_<slot> per report question (financial-demo style).

Every answer goes through here, so a typed `/intent{...}` payload can only ever fill the
slot being asked, and only with a value that passes the same checks as typed text.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import report_fields as fields
from nlu.entities import normalise_registration, parse_when
from nlu.intents import EMERGENCY_INTENT

MAX_RETRIES = 2
OPTIONAL_SLOTS = ("report_people", "report_vehicle", "report_direction")
SlotUpdate = dict[str, Any]


def _latest(tracker: Tracker) -> tuple[str | None, list[dict[str, Any]]]:
    message = tracker.latest_message or {}
    return (message.get("intent") or {}).get("name"), message.get("entities") or []


def _details(tracker: Tracker) -> dict[str, Any]:
    """Structured extras (postcode, parsed time, retries…) kept in one custom slot."""
    return dict(tracker.get_slot("report_details") or {})


def _without_cleared_candidates(tracker: Tracker) -> Tracker:
    """The tracker minus trailing SlotSet(None) candidates (Rasa appends every slot set this turn)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "slot":
            break
        count += 1
    trailing = tracker.events[len(tracker.events) - count :]
    if all(event.get("value") is not None for event in trailing):
        return tracker
    events = tracker.events[: len(tracker.events) - count] + [
        e for e in trailing if e.get("value") is not None
    ]
    return Tracker(
        tracker.sender_id,
        tracker.slots,
        tracker.latest_message,
        events,
        tracker.is_paused(),
        tracker.followup_action,
        tracker.active_loop,
        tracker.latest_action_name,
    )


class ValidateReportForm(FormValidationAction):
    """Validates and normalises each answer of the suspicious-behaviour report."""

    def name(self) -> str:
        return "validate_report_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate this turn's answers; a slot cleared to None (a reset) is not an answer."""
        events: list[EventType] = await super().get_validation_events(
            dispatcher, _without_cleared_candidates(tracker), domain
        )
        return events

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """No contact question for someone who chose to stay anonymous."""
        if tracker.get_slot("report_contact_consent") == "no":
            return [slot for slot in domain_slots if slot != "report_contact"]
        return domain_slots

    def _retry(
        self, tracker: Tracker, slot: str, dispatcher: CollectingDispatcher, hint: str
    ) -> SlotUpdate | None:
        """Re-ask with a hint; after MAX_RETRIES return None so the caller keeps the text."""
        details = _details(tracker)
        retries = dict(details.get("retries") or {})
        retries[slot] = retries.get(slot, 0) + 1
        if retries[slot] > MAX_RETRIES:
            return None
        dispatcher.utter_message(response=hint)
        details["retries"] = retries
        return {slot: None, "report_details": details}

    def validate_report_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Free text; a description also suggests the behaviour category."""
        text = str(value or "").strip()
        intent, _ = _latest(tracker)
        if not text or fields.is_skip(text, intent) or fields.is_payload(text):
            retry = self._retry(tracker, "report_description", dispatcher, "utter_ask_report_description")
            if retry is not None:
                return retry
            text = fields.NOT_GIVEN if not text or fields.is_payload(text) else text
        update: SlotUpdate = {"report_description": text}
        category = fields.infer_category(text)
        if category and not tracker.get_slot("report_category"):
            update["report_category"] = category
        return update

    def validate_report_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Keep the words; pull out the postcode and landmark for officers."""
        text = str(value or "").strip()
        _, entities = _latest(tracker)
        details = _details(tracker)
        if not text or fields.is_payload(text):
            retry = self._retry(tracker, "report_location", dispatcher, "utter_ask_report_location")
            if retry is not None:
                return retry
            return {"report_location": fields.NOT_GIVEN}
        details["postcode"] = fields.entity_value(entities, "postcode")
        details["place"] = fields.entity_value(entities, "place")
        return {"report_location": text, "report_details": details}

    def validate_report_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Keep the words; store a parsed date-time when one can be read."""
        text = str(value or "").strip()
        text = fields.NOT_GIVEN if not text or fields.is_payload(text) else text
        details = _details(tracker)
        parsed = parse_when(text, datetime.now(timezone.utc))
        details["when_iso"] = parsed.isoformat() if parsed else None
        return {"report_when": text, "report_details": details}

    def validate_report_ongoing(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Yes means 999 first; the report carries on for when they are safe."""
        intent, _ = _latest(tracker)
        answer = (
            "yes"
            if value == "yes" and intent == EMERGENCY_INTENT
            else fields.parse_yes_no(str(value or ""), intent)
        )
        if answer is None:
            retry = self._retry(tracker, "report_ongoing", dispatcher, "utter_invalid_yes_no")
            if retry is not None:
                return retry
            answer = "not sure"
        if answer == "yes" and intent != EMERGENCY_INTENT:
            dispatcher.utter_message(response="utter_report_danger_first")
        return {"report_ongoing": answer}

    def _optional(self, slot: str, value: Any, tracker: Tracker) -> SlotUpdate:
        intent, _ = _latest(tracker)
        text = str(value or "").strip()
        skipped = not text or fields.is_skip(text, intent) or fields.is_payload(text)
        return {slot: fields.NOT_GIVEN if skipped else text}

    def validate_report_people(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional: behaviour, clothing, build, age, as the person wrote it."""
        return self._optional("report_people", value, tracker)

    def validate_report_direction(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional free text."""
        return self._optional("report_direction", value, tracker)

    def validate_report_vehicle(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional; a UK registration is normalised, a mistyped one re-asked twice at most."""
        update = self._optional("report_vehicle", value, tracker)
        text = update["report_vehicle"]
        if text == fields.NOT_GIVEN:
            return update
        details = _details(tracker)
        _, entities = _latest(tracker)
        registration = normalise_registration(
            fields.entity_value(entities, "vehicle_registration") or ""
        ) or normalise_registration(text)
        if registration is None and fields.looks_like_registration_attempt(text):
            retry = self._retry(tracker, "report_vehicle", dispatcher, "utter_invalid_vehicle")
            if retry is not None:
                return retry
        details["registration"] = registration
        return {"report_vehicle": text, "report_details": details}

    def validate_report_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """One of the fixed categories, typed or from a button; 'other' after two misses."""
        category = fields.infer_category(str(value or ""))
        if category is None:
            retry = self._retry(tracker, "report_category", dispatcher, "utter_invalid_category")
            if retry is not None:
                return retry
            category = "other"
        return {"report_category": category}

    def validate_report_contact_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Explicit yes to be contacted; anything unclear twice means anonymous."""
        intent, _ = _latest(tracker)
        answer = fields.parse_yes_no(str(value or ""), intent)
        if answer is None:
            retry = self._retry(tracker, "report_contact_consent", dispatcher, "utter_invalid_yes_no")
            if retry is not None:
                return retry
            answer = "no"
        return {"report_contact_consent": answer}

    def validate_report_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """A phone number or e-mail; "skip", or two misses, and the report goes without contact."""
        intent, _ = _latest(tracker)
        if fields.is_skip(str(value or ""), intent):
            return {"report_contact": fields.NOT_GIVEN, "report_contact_consent": "no"}
        contact = fields.parse_contact(str(value or ""))
        if contact is None:
            retry = self._retry(tracker, "report_contact", dispatcher, "utter_invalid_contact")
            if retry is not None:
                return retry
            dispatcher.utter_message(response="utter_contact_given_up")
            return {"report_contact": fields.NOT_GIVEN, "report_contact_consent": "no"}
        return {"report_contact": contact}

    def validate_report_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Send, or clear the one field to change so the form asks it again, then re-shows the summary."""
        intent, _ = _latest(tracker)
        text = str(value or "")
        details = _details(tracker)
        details["pick_field"] = False
        if value in fields.FIELD_SLOTS:
            field = value
        elif (
            intent == "change_field" or fields.parse_yes_no(text, intent) == "no" or "change" in text.lower()
        ):
            field = fields.field_to_change(text)
            if field is None:
                details["pick_field"] = True
                return {"report_confirm": None, "report_details": details}
        elif fields.parse_yes_no(text, intent) == "yes" or "send" in text.lower() or "submit" in text.lower():
            return {"report_confirm": "confirmed", "report_details": details}
        else:
            dispatcher.utter_message(response="utter_invalid_yes_no")
            return {"report_confirm": None, "report_details": details}
        update: SlotUpdate = {"report_confirm": None, field: None, "report_details": details}
        if field == "report_contact_consent":
            update["report_contact"] = None
        retries = dict(details.get("retries") or {})
        retries.pop(field, None)
        details["retries"] = retries
        return update
