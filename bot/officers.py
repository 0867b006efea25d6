"""Officer commands (/reports, /report REF, /ack REF) and the new-report notification loop."""

from __future__ import annotations

import asyncio
import logging
import re
import time

from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, Update
from telegram.error import RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.handlers import split_text, start_report
from bot.officer_messages import officer_text, report_list, report_message
from bot.officer_store import OfficerStore
from bot.rasa_client import telegram_sender

log = logging.getLogger(__name__)
REFERENCE = re.compile(r"^SRV-\d{8}-[A-Z0-9]{6}$")
LIST_LIMIT = 10
PENDING_BATCH = 50
MAX_BACKOFF_SECONDS = 300.0


def actor_for(update: Update) -> str:
    """Audit actor: the keyed hash of the Telegram user, never the raw id."""
    user_id = update.effective_user.id if update.effective_user else 0
    return f"telegram:{telegram_sender(user_id)}"


def is_officer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data["config"].officer_user_ids


def _reference_argument(context: ContextTypes.DEFAULT_TYPE) -> str | None:
    candidate = (context.args or [""])[0].strip().upper()
    return candidate if REFERENCE.match(candidate) else None


async def _reply(update: Update, text: str) -> None:
    for chunk in split_text(text):
        await update.effective_chat.send_message(chunk)


async def _refuse(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str) -> None:
    """A plain refusal, and the attempt goes in the audit trail (no report content, ever)."""
    store: OfficerStore = context.bot_data["store"]
    try:
        await asyncio.to_thread(
            store.audit, actor_for(update), "telegram_refused", None, f"command=/{command}"
        )
    except SQLAlchemyError as error:
        log.warning("could not audit a refused officer command: %s", type(error).__name__)
    await _reply(update, officer_text("refusal"))


async def _with_store(update: Update, call, *args):  # type: ignore[no-untyped-def]
    """Run a storage call in a thread; tell the officer when the store is down."""
    try:
        return True, await asyncio.to_thread(call, *args)
    except SQLAlchemyError as error:
        log.warning("report store unavailable: %s", type(error).__name__)
        await _reply(update, officer_text("storage_unavailable"))
        return False, None


async def list_reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Officers: the latest new reports, one short line each."""
    if not is_officer(update, context):
        return await _refuse(update, context, "reports")
    ok, reports = await _with_store(update, context.bot_data["store"].latest_new, LIST_LIMIT)
    if ok:
        await _reply(update, report_list(reports))


async def report_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/report starts a public report; /report REF shows an officer that report."""
    if not context.args:
        if update.effective_chat.type == "private":
            await start_report(update, context)
        return
    if not is_officer(update, context):
        return await _refuse(update, context, "report")
    reference = _reference_argument(context)
    if reference is None:
        return await _reply(update, officer_text("usage_report"))
    ok, report = await _with_store(update, context.bot_data["store"].view, actor_for(update), reference)
    if ok:
        found = report is not None
        await _reply(
            update,
            report_message(report, "report_title")
            if found
            else officer_text("not_found", reference=reference),
        )


async def acknowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Officers: mark a report reviewed (audited)."""
    if not is_officer(update, context):
        return await _refuse(update, context, "ack")
    reference = _reference_argument(context)
    if reference is None:
        return await _reply(update, officer_text("usage_ack"))
    ok, done = await _with_store(update, context.bot_data["store"].acknowledge, actor_for(update), reference)
    if ok:
        await _reply(update, officer_text("acknowledged" if done else "not_found", reference=reference))


class NotificationSender:
    """Sends pending officer notifications; a failed send stays pending and is retried with backoff."""

    def __init__(self, store: OfficerStore, bot: Bot, interval_seconds: float) -> None:
        self.store = store
        self.bot = bot
        self.interval_seconds = interval_seconds
        self._not_before: dict[int, float] = {}

    async def deliver_pending(self) -> int:
        """One pass over the pending rows; returns how many were sent."""
        sent = 0
        for row in await asyncio.to_thread(self.store.pending, PENDING_BATCH):
            if self._not_before.get(row.id, 0.0) > time.monotonic():
                continue
            report = await asyncio.to_thread(self.store.report, row.reference)
            if report is None:  # purged meanwhile: nothing left to tell
                await asyncio.to_thread(self.store.mark_sent, row.id)
                continue
            try:
                for chunk in split_text(report_message(report)):
                    await self.bot.send_message(chat_id=row.chat_id, text=chunk)
            except TelegramError as error:
                wait = self.interval_seconds * 2 ** min(row.attempts, 10)
                if isinstance(error, RetryAfter):
                    wait = max(
                        wait,
                        float(
                            error.retry_after
                            if isinstance(error.retry_after, (int, float))
                            else error.retry_after.total_seconds()
                        ),
                    )
                self._not_before[row.id] = time.monotonic() + min(wait, MAX_BACKOFF_SECONDS)
                log.warning("notification %s not delivered (%s); will retry", row.id, type(error).__name__)
                await asyncio.to_thread(self.store.mark_failed, row.id, type(error).__name__)
                continue
            await asyncio.to_thread(self.store.mark_sent, row.id)
            self._not_before.pop(row.id, None)
            sent += 1
        return sent

    async def run(self) -> None:
        """Forever, every few seconds; storage or Telegram outages only delay notifications."""
        while True:
            try:
                await self.deliver_pending()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # keep the loop alive whatever one pass hit
                log.warning("notification pass failed: %s", type(error).__name__)
            await asyncio.sleep(self.interval_seconds)
