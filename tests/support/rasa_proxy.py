"""A slow road to Rasa: an HTTP proxy in front of the real REST channel that holds chosen turns.

Each sender can be given delays, used one per request in order (then none); the proxy records
when every request arrived and when it was answered, per sender, for ordering assertions.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import aiohttp
from aiohttp import web


class DelayingRasaProxy:
    def __init__(self, rasa_url: str, delays: dict[str, list[float]]) -> None:
        self.rasa_url = rasa_url.rstrip("/")
        self.delays = {sender: list(values) for sender, values in delays.items()}
        self.arrived: dict[str, list[float]] = {}
        self.answered: dict[str, list[float]] = {}
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _relay(self, request: web.Request) -> web.Response:
        body: dict[str, Any] = await request.json()
        sender = str(body.get("sender"))
        self.arrived.setdefault(sender, []).append(time.monotonic())
        pending = self.delays.get(sender) or [0.0]
        await asyncio.sleep(pending.pop(0) if self.delays.get(sender) else 0.0)
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body) as response,
        ):
            answer = await response.read()
            status = response.status
        self.answered.setdefault(sender, []).append(time.monotonic())
        return web.Response(body=answer, status=status, content_type="application/json")

    def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._relay)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        self._loop.run_forever()
        self._loop.close()

    def __enter__(self) -> DelayingRasaProxy:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        assert ready.wait(10), "the proxy did not start"
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._loop is not None and self._runner is not None and self._thread is not None
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
