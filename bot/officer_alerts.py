"""The officer alert loop: sends pending notifications (urgent first), re-alerts urgent reports that
nobody acknowledged, and retries failed sends with backoff. Alerts are minimised
(bot/officer_messages.alert_message); details only through /report REF in a private chat. Alerts
about clusters of linked reports (kind "cluster") go through the same loop
(bot/officer_messages.cluster_alert_message); their details through /links REF.
"""

from __future__ import annotations

import asyncio
import logging
import time

from telegram import Bot
from telegram.error import RetryAfter, TelegramError

from bot.background import every
from bot.handlers import split_text
from bot.officer_messages import alert_message, cluster_alert_message
from bot.officer_store import OfficerStore
from servator.http.metrics import NOTIFICATIONS
from servator.storage import PendingNotification

log = logging.getLogger(__name__)
PENDING_BATCH = 50
MAX_BACKOFF_SECONDS = 300.0


class NotificationSender:
    """Sends pending officer notifications; a failed send stays pending and is retried with backoff.

    `realert_after_seconds`/`max_realerts`: an urgent report still "new" that long after its last
    alert was delivered is alerted again, at most max_realerts times (0 turns re-alerts off).
    """

    def __init__(
        self,
        store: OfficerStore,
        bot: Bot,
        interval_seconds: float,
        realert_after_seconds: float = 600.0,
        max_realerts: int = 3,
    ) -> None:
        self.store = store
        self.bot = bot
        self.interval_seconds = interval_seconds
        self.realert_after_seconds = realert_after_seconds
        self.max_realerts = max_realerts
        self._not_before: dict[int, float] = {}

    async def _next(self) -> PendingNotification | None:
        now = time.monotonic()
        rows = await asyncio.to_thread(self.store.pending, PENDING_BATCH)
        return next((row for row in rows if self._not_before.get(row.id, 0.0) <= now), None)

    async def deliver_pending(self) -> int:
        """Sends one alert at a time and asks storage for the next after each, so an urgent report
        stored meanwhile goes next; returns how many were sent."""
        sent = 0
        for _ in range(PENDING_BATCH):
            row = await self._next()
            if row is None:
                break
            sent += await self._deliver(row)
        return sent

    async def _text(self, row: PendingNotification) -> str | None:
        """The alert for one row, or None when there is nothing left to tell (purged meanwhile)."""
        if row.kind == "cluster":
            view = await asyncio.to_thread(self.store.cluster_alert, row.cluster_id or "")
            return cluster_alert_message(view) if view is not None else None
        report = await asyncio.to_thread(self.store.report, row.reference)
        return alert_message(report, row.realert, self.max_realerts) if report is not None else None

    async def _deliver(self, row: PendingNotification) -> int:
        kind = "cluster" if row.kind == "cluster" else "realert" if row.realert else "alert"
        text = await self._text(row)
        if text is None:
            await asyncio.to_thread(self.store.mark_sent, row.id)
            return 0
        try:
            for chunk in split_text(text):
                await self.bot.send_message(chat_id=row.chat_id, text=chunk)
        except TelegramError as error:
            self._back_off(row, error)
            NOTIFICATIONS.labels(kind, "failed").inc()
            log.warning("notification %s not delivered (%s); will retry", row.id, type(error).__name__)
            await asyncio.to_thread(self.store.mark_failed, row.id, type(error).__name__)
            return 0
        await asyncio.to_thread(self.store.mark_sent, row.id)
        self._not_before.pop(row.id, None)
        NOTIFICATIONS.labels(kind, "sent").inc()
        return 1

    def _back_off(self, row: PendingNotification, error: TelegramError) -> None:
        wait = self.interval_seconds * 2 ** min(row.attempts, 10)
        if isinstance(error, RetryAfter):
            retry_after = error.retry_after
            wait = max(
                wait,
                float(retry_after if isinstance(retry_after, (int, float)) else retry_after.total_seconds()),
            )
        self._not_before[row.id] = time.monotonic() + min(wait, MAX_BACKOFF_SECONDS)

    async def schedule_realerts(self) -> int:
        if self.max_realerts <= 0:
            return 0
        return await asyncio.to_thread(
            self.store.schedule_realerts, self.realert_after_seconds, self.max_realerts
        )

    async def run(self) -> None:
        """Forever, every few seconds; storage or Telegram outages only delay notifications."""
        await every(self.interval_seconds, self.run_once, "notification", log)

    async def run_once(self) -> None:
        """Schedules the re-alerts that are due, then delivers what is pending."""
        await self.schedule_realerts()
        await self.deliver_pending()
