"""A small aiohttp webhook server feeding ptb's update queue (after ptb's customwebhookbot example).

Only Telegram knows the secret token it was given in setWebhook, so anything without it is
refused; duplicate deliveries (Telegram retries) are processed once; bodies are size-limited.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections import OrderedDict
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1024 * 1024
SEEN_UPDATES = 2048


class RecentIds:
    """A bounded LRU set of update_ids."""

    def __init__(self, capacity: int = SEEN_UPDATES) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[int, None] = OrderedDict()

    def add(self, update_id: int) -> bool:
        """True when the id is new (and remembers it)."""
        if update_id in self._ids:
            self._ids.move_to_end(update_id)
            return False
        self._ids[update_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return True


class WebhookServer:
    """POST {path} with the secret header → the update goes on application.update_queue."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        secret: str,
        host: str,
        port: int,
        path: str,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self.application = application
        self.secret = secret.encode()
        self.host, self.port, self.path = host, port, path
        self.max_body_bytes = max_body_bytes
        self.recent = RecentIds()
        self._runner: web.AppRunner | None = None

    def web_app(self) -> web.Application:
        app = web.Application(client_max_size=self.max_body_bytes)
        app.router.add_post(self.path, self.receive)
        app.router.add_get("/healthz", self.health)
        return app

    async def health(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def receive(self, request: web.Request) -> web.Response:
        """Check the secret, the size and the update_id, then queue the update."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            return web.Response(status=403)
        if request.content_length is not None and request.content_length > self.max_body_bytes:
            return web.Response(status=413)
        try:
            data = json.loads(await request.read())
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413)
        except ValueError:
            return web.Response(status=400)
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            return web.Response(status=400)
        if self.recent.add(update_id):
            try:
                update = Update.de_json(data, self.application.bot)
            except (KeyError, TypeError, ValueError):
                log.warning("update %s could not be parsed", update_id)
                return web.Response(status=400)
            await self.application.update_queue.put(update)
        return web.Response(status=200)

    async def start(self) -> None:
        self._runner = web.AppRunner(self.web_app(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        log.info("webhook server listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
