"""Forgetting a conversation: `/forget` (Rasa's `action_restart`, overridden here) and cancelling a report.

Each deletes the conversation's stored events first and only then says so; the Restarted event it
returns makes the tracker store delete what the current turn holds instead of saving it
(servator.rasa_runtime.tracker_store), so nothing is written back. Rasa holds the conversation's lock for the
whole turn, so no other turn of it runs in between. When storage cannot be reached, the bot says
that instead, and the events go with the retention period.
"""

from __future__ import annotations

import asyncio

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.reference_actions import kept_language, kept_reference
from actions.report_actions import REPORT_SLOTS
from actions.report_store import report_store
from servator.config.settings import Settings


async def forget_then_say(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    deleted_response: str,
    kept_response: str,
    keep_reference: bool = False,
) -> list[EventType]:
    """Delete the conversation, then say `deleted_response` (or `kept_response` if it could not).

    `keep_reference`: the reference of a report already sent and the language survive (a cancelled report).
    """
    deleted = await asyncio.to_thread(report_store().forget_conversation, tracker.sender_id)
    if deleted:
        dispatcher.utter_message(response=deleted_response)
        return [Restarted(), *(kept_reference(tracker) + kept_language(tracker) if keep_reference else [])]
    days = Settings.from_env().conversation_retention_days
    dispatcher.utter_message(response=kept_response, retention_days=days)
    return [SlotSet(slot, None) for slot in REPORT_SLOTS]


class ActionForgetConversation(Action):
    """`/forget` on the web chat and Telegram (sent to Rasa as `/restart`, whose default rule runs this)."""

    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return await forget_then_say(
            dispatcher, tracker, "utter_conversation_deleted", "utter_conversation_not_deleted"
        )


class ActionCancelReport(Action):
    """ "cancel" during a report: the report is dropped and the conversation that held it deleted."""

    def name(self) -> str:
        return "action_cancel_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return await forget_then_say(
            dispatcher,
            tracker,
            "utter_report_cancelled",
            "utter_report_cancelled_not_deleted",
            keep_reference=True,
        )
