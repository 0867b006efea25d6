"""What was my reference? The reference of the report sent in this conversation, said again.

action_submit_report sets `last_reference` after the conversation restarts, and the tracker store
keeps that slot alone when it deletes the conversation (servator.rasa_runtime.tracker_store); `/forget` deletes it.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from reading.language import ENGLISH, known_language
from servator.storage import REFERENCE_PATTERN

REFERENCE_SLOT = "last_reference"
LANGUAGE_SLOT = "language"


def last_reference(tracker: Tracker) -> str | None:
    """The reference the conversation holds, when it is one (a forged slot value never is)."""
    value = tracker.get_slot(REFERENCE_SLOT)
    return value if isinstance(value, str) and REFERENCE_PATTERN.fullmatch(value) else None


def kept_reference(tracker: Tracker) -> list[EventType]:
    """The events that keep the conversation's reference across a restart (after the Restarted event)."""
    reference = last_reference(tracker)
    return [SlotSet(REFERENCE_SLOT, reference)] if reference else []


def kept_language(tracker: Tracker) -> list[EventType]:
    """The event that keeps the conversation's language across a restart (after the Restarted event)."""
    language = known_language(tracker.get_slot(LANGUAGE_SLOT))
    return [SlotSet(LANGUAGE_SLOT, language)] if language and language != ENGLISH else []


class ActionTellReference(Action):
    def name(self) -> str:
        return "action_tell_reference"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = last_reference(tracker)
        if reference is None:
            dispatcher.utter_message(response="utter_no_reference")
        else:
            dispatcher.utter_message(response="utter_reference_is", reference=reference)
        return []
