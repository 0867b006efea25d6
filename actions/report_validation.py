"""validate_report_form: one validate_<slot> per report question (financial-demo style).

Every answer goes through here, so a typed `/intent{...}` payload can only ever fill the
slot being asked, and only with a value that passes the same checks as typed text. What an
answer means (skip, yes/no, category, contact) is read by reading/form/grammar.py and
reading/contacts.py, the same grammars the NLU used to decide it was an answer.
No question is asked more than twice (actions/report_retry.py); the contact questions are
validated in actions/report_contact_answers.py.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import form_turn as turn
from actions import report_fields as fields
from actions.report_account import ACCOUNT_SLOTS, happened_on_railway, stated_slots
from actions.report_contact_answers import ContactAnswers
from actions.report_details import SLOT, details_event, read_details, retries_of
from actions.report_retry import SlotUpdate, retry
from reading.account.languages import when_in
from reading.entities import normalise_registration
from reading.form import grammar as grammar
from reading.when import names_a_place, read_when

ANSWER_INTENTS = ("inform", "skip", "affirm", "deny")


class ValidateReportForm(ContactAnswers, FormValidationAction):
    """Validates and normalises each answer of the suspicious-behaviour report."""

    def name(self) -> str:
        return "validate_report_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate this turn's answers; a slot cleared to None (a reset) is not an answer.

        A field re-asked from the summary that gets "send it" keeps the answer it had: the person
        meant the report, and the summary is shown again (nothing is sent without a yes to it).
        """
        kept = self._kept_on_send(tracker)
        if kept is not None:
            return kept
        events: list[EventType] = await super().get_validation_events(
            dispatcher, turn.answers_in_english(turn.without_cleared_candidates(tracker)), domain
        )
        return events + await self._also_stated(dispatcher, tracker, domain, events)

    async def _also_stated(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, events: list[EventType]
    ) -> list[EventType]:
        """The other empty fields an answer also states ("on Curzon Street about 20 minutes ago, he drove
        off towards Park Lane" at "Where was this?"), each validated as if it had been asked."""
        asked = tracker.get_slot("requested_slot")
        intent, _ = turn.latest(tracker)
        if asked not in ACCOUNT_SLOTS + ("report_description",) or intent not in ANSWER_INTENTS:
            return []
        slots = {**tracker.slots, **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
        extra: list[EventType] = []
        text = (tracker.latest_message or {}).get("text")
        for slot, value in stated_slots(
            text, {s for s, v in slots.items() if v is not None}, asked, turn.language(tracker)
        ).items():
            view = turn.with_slots(tracker, slots)
            update = getattr(self, f"validate_{slot}")(value, dispatcher, view, domain)
            slots.update(update)
            extra += [SlotSet(name, new) for name, new in update.items()]
        return extra

    @staticmethod
    def _kept_on_send(tracker: Tracker) -> list[EventType] | None:
        details = read_details(tracker)
        changing = details.get("changing")
        slot = tracker.get_slot("requested_slot")
        text = (tracker.latest_message or {}).get("text")
        if not slot or not changing or changing.get("slot") != slot:
            return None
        if not grammar.sends(text) or grammar.is_payload(text):
            return None
        details["changing"] = None
        return [
            SlotSet(slot, changing.get("previous") or fields.NOT_GIVEN),
            details_event(details),
        ]

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """No contact question for someone who chose to stay anonymous, and no "which way did they
        go?" for people still there."""
        skipped = set()
        if tracker.get_slot("report_contact_consent") == "no":
            skipped.add("report_contact")
        if (
            tracker.get_slot("report_ongoing") == "yes"
            and tracker.get_slot("requested_slot") != "report_direction"
        ):
            skipped.add("report_direction")  # once asked (an emergency said mid-question), asked again
        return [slot for slot in domain_slots if slot not in skipped]

    def _railway(self, text: str, tracker: Tracker, dispatcher: CollectingDispatcher) -> SlotUpdate:
        """The first answer that places the report on the railway adds British Transport Police's number."""
        if tracker.get_slot("report_railway") or not happened_on_railway(text, turn.language(tracker)):
            return {}
        dispatcher.utter_message(response="utter_railway_also")
        return {"report_railway": True}

    def validate_report_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Free text, as written; it also suggests the behaviour category."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        if turn.skipped(text, intent):
            again = retry(tracker, "report_description", dispatcher, "utter_invalid_description")
            if again is not None:
                return again
            text = fields.NOT_GIVEN
        update: SlotUpdate = {"report_description": text}
        category = grammar.infer_category(text) if text != fields.NOT_GIVEN else None
        if category and not tracker.get_slot("report_category"):
            update["report_category"] = category
        return {**update, **self._railway(text, tracker, dispatcher)}

    def validate_report_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Keep the words; pull out the postcode and landmark for officers."""
        text, (intent, entities) = turn.text(value), turn.latest(tracker)
        if turn.skipped(text, intent):
            return {"report_location": fields.NOT_GIVEN}
        details = read_details(tracker)
        details["postcode"] = fields.entity_value(entities, "postcode")
        details["place"] = fields.entity_value(entities, "place")
        return {
            "report_location": text,
            SLOT: details,
            **self._railway(text, tracker, dispatcher),
        }

    def validate_report_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Keep the words and the moment they name in London time; a time still to come is asked again once."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        details = read_details(tracker)
        if turn.skipped(text, intent):
            details["when_iso"] = None
            return {"report_when": fields.NOT_GIVEN, SLOT: details}
        language = turn.language(tracker)
        reading = read_when(text, language=language)
        if reading.in_future or (reading.moment is None and names_a_place(text)):
            hint = "utter_invalid_when_future" if reading.in_future else "utter_invalid_when_place"
            again = retry(tracker, "report_when", dispatcher, hint)
            if again is not None:
                return again
        details["when_iso"] = reading.iso or when_in(text, language)
        return {"report_when": text, SLOT: details}

    def validate_report_ongoing(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Yes (or not sure: "skip", "I don't know") means 999 first; the report carries on for when
        they are safe."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        answer = {"affirm": "yes", "deny": "no"}.get(intent or "") or grammar.yes_no(text, "report_ongoing")
        if answer is None and turn.skipped(text, intent):
            answer = "not sure"
        if answer is None:
            again = retry(tracker, "report_ongoing", dispatcher, "utter_invalid_yes_no")
            if again is not None:
                return again
            answer = "not sure"
        if answer in ("yes", "not sure"):
            dispatcher.utter_message(response="utter_report_danger_first")
        return {"report_ongoing": answer}

    def _optional(
        self, slot: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> SlotUpdate:
        """Free text as written, or not given. "Stay anonymous" said here is the contact choice, not
        this answer: taken (and said so) and the question asked again; said again, no answer."""
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        if grammar.stays_anonymous(text):
            if tracker.get_slot("report_contact_consent") == "no":
                return {slot: fields.NOT_GIVEN}
            dispatcher.utter_message(response="utter_contact_consent_taken_as_no")
            return {slot: None, "report_contact_consent": "no"}
        return {slot: fields.NOT_GIVEN if turn.skipped(text, intent) or intent == "deny" else text}

    def validate_report_people(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional: behaviour, clothing, build, age, as the person wrote it."""
        return self._optional("report_people", value, tracker, dispatcher)

    def validate_report_direction(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional free text."""
        return self._optional("report_direction", value, tracker, dispatcher)

    def validate_report_vehicle(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Optional; "no vehicle, they walked" is kept as said (a bare "no" as "no vehicle"), not as a
        skip; a UK registration is normalised, a mistyped one asked again once."""
        text = turn.text(value)
        if text and not grammar.is_payload(text) and grammar.no_vehicle(text):
            return {"report_vehicle": fields.NO_VEHICLE if grammar.bare_no_vehicle(text) else text}
        update = self._optional("report_vehicle", value, tracker, dispatcher)
        text = update["report_vehicle"]
        if text in (fields.NOT_GIVEN, None):
            return update
        details = read_details(tracker)
        _, entities = turn.latest(tracker)
        registration = normalise_registration(
            fields.entity_value(entities, "vehicle_registration") or ""
        ) or normalise_registration(text)
        if registration is None and fields.looks_like_registration_attempt(text):
            again = retry(tracker, "report_vehicle", dispatcher, "utter_invalid_vehicle")
            if again is not None:
                return again
        details["registration"] = registration
        return {"report_vehicle": text, SLOT: details}

    def validate_report_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """One of the fixed categories, from a button, its name or a description; 'other' after one miss."""
        category = grammar.category(turn.text(value))
        if category is None:
            again = retry(tracker, "report_category", dispatcher, "utter_invalid_category")
            if again is not None:
                return again
            category = "other"
        return {"report_category": category}

    def validate_report_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> SlotUpdate:
        """Send only on a yes. Anything unclear is counted: the summary is shown once more with a hint,
        then only a short prompt (action_ask_report_confirm), never a third time and never sent unasked.

        Changes ("change the time", "no", "the time was 2") and "cancel" never get here: the NLU
        reads them as commands and the rules handle them (action_change_report_field, cancel).
        """
        text, (intent, _) = turn.text(value), turn.latest(tracker)
        details = read_details(tracker)
        details["pick_field"] = False
        if intent == "affirm" or (not grammar.is_payload(text) and grammar.confirms(text)):
            return {"report_confirm": "confirmed", SLOT: details}
        retries = retries_of(details)
        retries["report_confirm"] = retries.get("report_confirm", 0) + 1
        details["retries"] = retries
        return {"report_confirm": None, SLOT: details}
