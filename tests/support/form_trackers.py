"""Rasa SDK trackers as the report form's actions receive them, and the responses they sent."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": "report_form"},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


async def change_field(text: str, slots: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A change asked for from the summary (action_change_report_field): the slots it set, what it said."""
    from actions import report_actions

    d = CollectingDispatcher()
    events = await report_actions.ActionChangeReportField().run(
        d, tracker({"requested_slot": "report_confirm", **slots}, text, "change_field"), {}
    )
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, responses(d)
