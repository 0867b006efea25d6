"""The bot's background loops (officer alerts, follow-up questions): one pass every few seconds, for ever."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable


async def every(
    interval_seconds: float, one_pass: Callable[[], Awaitable[object]], what: str, log: logging.Logger
) -> None:
    """Runs `one_pass`, then waits `interval_seconds`, until cancelled. A pass that fails (storage or
    Telegram down) is logged by the kind of error only, and the next pass tries again."""
    while True:
        try:
            await one_pass()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - keep the loop alive whatever one pass hit
            log.warning("%s pass failed: %s", what, type(error).__name__)
        await asyncio.sleep(interval_seconds)
