"""The action server flushes its outbox at start and then on every interval; a failed pass does not
stop the loop, and the loop ends with the server."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
from sanic import Sanic

import actions.report_store
from rasa_sdk_plugins import outbox_flush


class FlakyStore:
    """Its first flush fails (storage down); later ones store one queued report each."""

    def __init__(self) -> None:
        self.passes = 0

    def flush_outbox(self) -> int:
        self.passes += 1
        if self.passes == 1:
            raise OSError("storage unreachable")
        return 1


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> FlakyStore:
    flaky = FlakyStore()
    monkeypatch.setattr(actions.report_store, "report_store", lambda: flaky)
    return flaky


async def test_a_failed_pass_is_logged_and_the_next_one_still_comes(store, caplog):
    caplog.set_level(logging.INFO, logger=outbox_flush.__name__)
    task = asyncio.create_task(outbox_flush.flush_forever(0.01))
    while store.passes < 3:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert "outbox flush failed: OSError" in caplog.text
    assert "outbox flush stored 1 queued report(s)" in caplog.text


async def test_the_loop_starts_with_the_server_and_ends_with_it(store, monkeypatch):
    monkeypatch.setenv("OUTBOX_FLUSH_INTERVAL_SECONDS", "0.01")
    app = Sanic(f"actions-{uuid.uuid4().hex[:8]}")
    outbox_flush.attach_sanic_app_extensions(app)
    app.signal_router.finalize()
    await app.dispatch("server.init.after", context={"app": app, "loop": None}, inline=True)
    task = getattr(app.ctx, outbox_flush.TASK)
    while store.passes < 2:
        await asyncio.sleep(0.01)
    await app.dispatch("server.shutdown.before", context={"app": app, "loop": None}, inline=True)
    await asyncio.wait_for(asyncio.wait([task]), 5)
    assert task.cancelled()
