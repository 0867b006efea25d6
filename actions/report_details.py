"""The report form's structured extras, kept in the one custom slot `report_details`.

What the form reads from answers beside their words (the postcode and place named, a shared point,
the moment a time was read as, the registration, contact details, photo tokens) and how the form is
going (retries per question, the answer being changed from the summary, whether the person is
picking a field). `read_details` and `details_event` are the only code that reads or writes the slot.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from servator.storage import InvalidDraft

SLOT = "report_details"


class Changing(TypedDict):
    """An answer re-asked from the summary: its slot, and the value "send it" keeps."""

    slot: str
    previous: Any


class ReportDetails(TypedDict, total=False):
    # Random, set when the report starts (action_start_report): the seed of its submission key, so
    # the key survives a new session or a retried submission whatever the events hold.
    draft_id: str
    postcode: str | None
    place: str | None
    latitude: float
    longitude: float
    when_iso: str | None
    registration: str | None
    contact_phone: str | None
    contact_email: str | None
    attachments: list[str]
    retries: dict[str, int]
    changing: Changing | None
    pick_field: bool


def read_details(tracker: Tracker) -> ReportDetails:
    """A copy of the slot, to change and write back; InvalidDraft when it is not an object (a forged
    or buggy tracker), naming the type and never the value."""
    value = tracker.get_slot(SLOT) or {}
    if not isinstance(value, dict):
        raise InvalidDraft(f"{SLOT}: expected an object, got {type(value).__name__}")
    return cast(ReportDetails, dict(value))  # the slot holds what this module wrote


def details_event(details: ReportDetails) -> SlotSet:
    return SlotSet(SLOT, details)


def retries_of(details: ReportDetails) -> dict[str, int]:
    """A copy of how many times each question was re-asked."""
    return dict(details.get("retries") or {})
