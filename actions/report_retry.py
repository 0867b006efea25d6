"""Asking a report question again: once, with a hint; then what was said is taken as it is."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.report_details import SLOT, read_details, retries_of

MAX_RETRIES = 1  # asked, asked again once, then the answer is taken as it is
SlotUpdate = dict[str, Any]


def retry(tracker: Tracker, slot: str, dispatcher: CollectingDispatcher, hint: str) -> SlotUpdate | None:
    """Re-ask once with a hint; after that return None so the caller takes what was said."""
    details = read_details(tracker)
    retries = retries_of(details)
    retries[slot] = retries.get(slot, 0) + 1
    if retries[slot] > MAX_RETRIES:
        return None
    dispatcher.utter_message(response=hint)
    details["retries"] = retries
    return {slot: None, SLOT: details}
