"""Telegram updates run concurrently, each user's one at a time in the order they arrived.

python-telegram-bot starts a task for every update as it arrives (`concurrent_updates`); this
processor makes each task wait on its user's lock (asyncio.Lock wakes waiters first come, first
served), so a slow turn holds only its own user: someone else's 999 reply is not queued behind it.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from servator.http.metrics import TELEGRAM_SECONDS, TELEGRAM_UPDATES

log = logging.getLogger(__name__)
MAX_CONCURRENT_UPDATES = 256
# ptb holds a concurrency slot while an update waits for its user's lock: one user may not take
# them all. More than this many waiting is far past the flood guard's limit, so the rest are dropped.
MAX_WAITING_PER_USER = 32


def order_key(update: object) -> int | None:
    """Whose turn an update is: the user, else the chat; None for updates that belong to nobody."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None


class PerUserOrder(BaseUpdateProcessor):
    """Concurrent across users, sequential within one user."""

    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        max_waiting_per_user: int = MAX_WAITING_PER_USER,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self.max_waiting_per_user = max_waiting_per_user
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = order_key(update)
        if key is None:
            return await self._timed(coroutine)
        if self._waiting.get(key, 0) >= self.max_waiting_per_user:
            if inspect.iscoroutine(coroutine):
                coroutine.close()
            log.warning("update dropped: too many updates from one user waiting")
            return None
        self._waiting[key] = self._waiting.get(key, 0) + 1
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                await self._timed(coroutine)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody holds or waits for this lock any more
                del self._waiting[key]
                self._locks.pop(key, None)
        return None

    async def _timed(self, coroutine: Awaitable[Any]) -> None:
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            TELEGRAM_UPDATES.inc()
            TELEGRAM_SECONDS.observe(time.perf_counter() - started)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
