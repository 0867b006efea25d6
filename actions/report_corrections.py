"""Corrections that give their new value ("change the time to about 4pm", "the reg was LV19 OKB").

The new value goes through the same validation as an answer to the field's own question
(actions/report_validation.py), so it is normalised and checked the same way; the summary is
then shown again. A value the validation turns down falls back to asking the field's question.
A changed registration replaces the old one inside the vehicle's description, which is kept.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import report_fields as fields
from actions.report_validation import ValidateReportForm
from reading.entities import normalise_registration


def _vehicle_with(previous: str | None, value: str) -> str:
    """The vehicle's description with the corrected registration in place of the old one."""
    registration = normalise_registration(value)
    if not registration or not previous or previous == fields.NOT_GIVEN:
        return value
    old = normalise_registration(previous)
    if old is None:
        return f"{previous}, registration {registration}"
    compact = old.replace(" ", "")
    for written in (old, compact, old.lower(), compact.lower()):
        if written in previous:
            return previous.replace(written, registration)
    return f"{previous}, registration {registration}"


async def apply_correction(
    slot: str, value: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType] | None:
    """SlotSet events that store `value` as `slot`'s answer, or None when validation turned it down."""
    if slot == "report_vehicle":
        value = _vehicle_with(tracker.get_slot("report_vehicle"), value)
    validate = getattr(ValidateReportForm(), f"validate_{slot}")
    update: dict[str, Any] = validate(value, dispatcher, tracker, domain)
    if update.get(slot) in (None, fields.NOT_GIVEN):
        return None
    if slot == "report_contact":
        update.setdefault("report_contact_consent", "yes")
    return [SlotSet(name, new) for name, new in update.items()]
