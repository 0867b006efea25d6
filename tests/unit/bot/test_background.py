"""The bot's background loop (bot/background.py): a failed pass is logged by kind, the loop goes on."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.background import every


async def test_a_failed_pass_is_logged_by_its_kind_and_the_next_pass_runs(caplog):
    passes: list[int] = []
    done = asyncio.Event()

    async def one_pass() -> None:
        passes.append(len(passes))
        if len(passes) == 1:
            raise OSError("postgresql://officer:s3cret@db")
        if len(passes) == 3:
            done.set()

    with caplog.at_level(logging.WARNING):
        loop = asyncio.create_task(every(0.001, one_pass, "notification", logging.getLogger("test")))
        await asyncio.wait_for(done.wait(), 5)
        loop.cancel()
        with pytest.raises(asyncio.CancelledError):
            await loop
    assert passes[:3] == [0, 1, 2]
    assert [r.getMessage() for r in caplog.records] == ["notification pass failed: OSError"]
