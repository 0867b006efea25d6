"""The action server flushes its local outbox at start and then every OUTBOX_FLUSH_INTERVAL_SECONDS.

Why here: the outbox is the action server's. It writes the files, into a folder local to its
machine (SERVATOR_OUTBOX_DIR; with several action servers each has its own), and it has the
database and officer settings needed to store them. So it is the one process that is always
running where its outbox is, whether it was started by `servator run` or on its own. Every
Sanic worker runs the loop; that is safe, as storing a queued report is idempotent on its
submission key and a file is removed only after its commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import pluggy
from sanic import Sanic

from servator.config.settings import Settings

hookimpl = pluggy.HookimplMarker("rasa_sdk")
log = logging.getLogger(__name__)
TASK = "servator_outbox_flusher"


async def flush_forever(interval_seconds: float) -> None:
    """Flush now, then after every interval; nothing a pass hits stops the loop."""
    from actions.report_store import report_store

    while True:
        try:
            flushed = await asyncio.to_thread(report_store().flush_outbox)
            if flushed:
                log.info("outbox flush stored %d queued report(s)", flushed)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - keep flushing whatever one pass hit
            log.warning("outbox flush failed: %s", type(error).__name__)
        await asyncio.sleep(interval_seconds)


async def _start(app: Sanic, _loop: Any) -> None:
    interval = Settings.from_env().outbox_flush_interval_seconds
    setattr(app.ctx, TASK, asyncio.create_task(flush_forever(interval)))


async def _stop(app: Sanic, _loop: Any) -> None:
    task = getattr(app.ctx, TASK, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    app.register_listener(_start, "after_server_start")
    app.register_listener(_stop, "before_server_stop")
