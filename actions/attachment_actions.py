"""Shared locations and photos during a report (sent by the Telegram front end as payloads)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.report_fields import entity_value

MAX_ATTACHMENTS = 10


def _latest_entity(tracker: Tracker, name: str) -> Any | None:
    return entity_value(tracker.latest_message.get("entities") or [], name)


def _coordinate(value: Any, limit: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if -limit <= number <= limit else None


class ActionAttachLocation(Action):
    """Fills the report's location from a shared latitude/longitude."""

    def name(self) -> str:
        return "action_attach_location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        latitude = _coordinate(_latest_entity(tracker, "latitude"), 90)
        longitude = _coordinate(_latest_entity(tracker, "longitude"), 180)
        if latitude is None or longitude is None:
            return []
        details: dict[str, Any] = dict(tracker.get_slot("report_details") or {})
        details.update(latitude=latitude, longitude=longitude)
        dispatcher.utter_message(response="utter_location_attached")
        events: list[EventType] = [SlotSet("report_details", details)]
        if not tracker.get_slot("report_location"):
            events.append(SlotSet("report_location", f"shared location ({latitude:.5f}, {longitude:.5f})"))
        return events


class ActionAttachPhoto(Action):
    """Attaches a photo's file reference (never the image itself) to the report."""

    def name(self) -> str:
        return "action_attach_photo"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = _latest_entity(tracker, "photo")
        if not isinstance(reference, str) or not reference.strip() or len(reference) > 256:
            return []
        details: dict[str, Any] = dict(tracker.get_slot("report_details") or {})
        attachments = list(details.get("attachments") or [])
        if reference not in attachments and len(attachments) < MAX_ATTACHMENTS:
            attachments.append(reference)
        details["attachments"] = attachments
        dispatcher.utter_message(response="utter_photo_attached")
        return [SlotSet("report_details", details)]
