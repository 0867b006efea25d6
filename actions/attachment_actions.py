"""Shared locations and photos during a report (sent by the front ends as payloads, servator.payloads)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.report_details import details_event, read_details
from actions.report_fields import entity_value
from actions.report_store import report_store
from servator.photos.limits import response_values
from servator.storage import MAX_ATTACHMENTS


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
        details = read_details(tracker)
        details["latitude"], details["longitude"] = latitude, longitude
        dispatcher.utter_message(response="utter_location_attached")
        events: list[EventType] = [details_event(details)]
        if not tracker.get_slot("report_location"):
            events.append(SlotSet("report_location", f"shared location ({latitude:.5f}, {longitude:.5f})"))
        return events


# What the person is told about a photo: the limits of servator/photos, filled into the responses.
PHOTO_LIMITS = response_values()
REFUSAL_RESPONSES = {
    "too_large": "utter_photo_refused_too_large",
    "not_a_photo": "utter_photo_refused_not_a_photo",
    "too_many_pixels": "utter_photo_refused_too_many_pixels",
    "damaged": "utter_photo_refused_damaged",
    "not_received": "utter_photo_refused_not_received",
}


class ActionAttachPhoto(Action):
    """Attaches a received photo (its cleaned copy, already stored by the front end) to the report, or
    says why a file was refused. The report goes on either way."""

    def name(self) -> str:
        return "action_attach_photo"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        refused = _latest_entity(tracker, "photo_refused")
        if refused is not None:
            dispatcher.utter_message(
                response=REFUSAL_RESPONSES.get(str(refused), "utter_photo_refused_not_received"),
                **PHOTO_LIMITS,
            )
            return []
        token = _latest_entity(tracker, "photo")
        if not isinstance(token, str) or not token.strip() or len(token) > 256:
            # Typed words about a photo ("here's a photo"), not a photo: say how to send one.
            dispatcher.utter_message(response="utter_photo_how", **PHOTO_LIMITS)
            return []
        details = read_details(tracker)
        attachments = [item for item in details.get("attachments") or [] if isinstance(item, str)]
        if token in attachments:
            dispatcher.utter_message(response="utter_photo_attached")
            return []
        store = report_store()
        if len(attachments) >= MAX_ATTACHMENTS:
            await asyncio.to_thread(store.discard_photos, tracker.sender_id, token)
            dispatcher.utter_message(response="utter_photo_limit_reached", **PHOTO_LIMITS)
            return []
        photo = await asyncio.to_thread(store.pending_photo, tracker.sender_id, token)
        if photo is None:  # not this conversation's, already gone, or storage unreachable
            dispatcher.utter_message(response="utter_photo_refused_not_received", **PHOTO_LIMITS)
            return []
        details["attachments"] = [*attachments, token]
        if photo.location_removed:
            dispatcher.utter_message(response="utter_photo_attached_location_removed", **PHOTO_LIMITS)
        else:
            dispatcher.utter_message(response="utter_photo_attached")
        return [details_event(details)]


class ActionPhotoOutsideReport(Action):
    """A photo with no report to attach it to: its cleaned copy is deleted, and the person is told
    how to start a report."""

    def name(self) -> str:
        return "action_photo_outside_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        token = _latest_entity(tracker, "photo")
        if isinstance(token, str) and token:
            await asyncio.to_thread(report_store().discard_photos, tracker.sender_id, token)
        elif _latest_entity(tracker, "photo_refused") is None:  # typed words about a photo, no photo
            dispatcher.utter_message(response="utter_attachment_outside_report")
            return []
        dispatcher.utter_message(response="utter_photo_not_kept")
        return []
