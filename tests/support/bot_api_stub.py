"""A local stand-in for the Telegram Bot API, over real HTTP on a free loopback port.

It implements the methods python-telegram-bot uses, serves injected updates through getUpdates
(long-poll timeout honoured, capped at a second), records every call for assertions, and can be
told to fail a method for a while (a Telegram outage). Files put with `add_file` are answered by
getFile and served as real bytes from the file URL (`/file/bot<token>/<path>` and `FILE_PREFIX`,
a second prefix for a configured TELEGRAM_API_FILE_URL); every download is recorded in `downloads`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.bot_api_files import FILE_PREFIX, TOKEN, ApiError, FileServer

BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Servator", "username": "servator_test_bot"}
MAX_POLL_WAIT = 1.0


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    failed: bool = False  # answered with an injected outage error
    at: float = field(default_factory=time.monotonic)


def _decode(value: str) -> Any:
    """ptb sends form fields whose non-string values are JSON-encoded."""
    try:
        return json.loads(value)
    except ValueError:
        return value


class BotApiStub(FileServer):
    """Run with start()/stop(); inject updates with the send_* methods; read `calls`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: dict[str, list[Any]] = {}  # method -> remaining (predicate, status) failures
        self._updates: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._new_update: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._closing = False
        self.files: dict[str, tuple[bytes, int | None]] = {}
        self.downloads: list[str] = []

    # --- lifecycle -------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> BotApiStub:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        assert ready.wait(10), "stub did not start"
        return self

    def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        self._new_update = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        for prefix in ("/file", FILE_PREFIX):
            app.router.add_get(prefix + "/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        # union-attr: aiohttp types the server as optional; it exists once start() has returned
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        self._loop.run_forever()
        self._loop.close()

    def stop(self) -> None:
        if self._loop is not None and self._runner is not None:
            self._closing = True  # waiting long polls return at once
            self._loop.call_soon_threadsafe(self._new_update.set)  # type: ignore[union-attr]  # set in _serve
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            assert self._thread is not None
            self._thread.join(10)

    # --- the API -----------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        if request.method == "POST":
            if request.content_type == "application/json":
                params = await request.json()
            else:
                params = {key: _decode(value) for key, value in (await request.post()).items()}
        params.update({key: _decode(value) for key, value in request.query.items()})
        with self._lock:
            failure = self._take_failure(method, params)
            self.calls.append(Call(method, params, failed=failure is not None))
        if failure is not None:
            return web.json_response(
                {"ok": False, "error_code": failure, "description": "Stub outage"}, status=failure
            )
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        try:
            result = await handler(params)
        except ApiError as error:
            return web.json_response(
                {"ok": False, "error_code": error.status, "description": error.description},
                status=error.status,
            )
        return web.json_response({"ok": True, "result": result})

    def _take_failure(self, method: str, params: dict[str, Any]) -> int | None:
        for entry in self.failures.get(method, []):
            predicate, status, remaining = entry
            if remaining > 0 and predicate(params):
                entry[2] -= 1
                return status
        return None

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), MAX_POLL_WAIT)
        while True:
            with self._lock:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = list(self._updates[: int(params.get("limit") or 100)])
                self._new_update.clear()  # type: ignore[union-attr]  # set in _serve
            remaining = deadline - time.monotonic()
            if ready or remaining <= 0 or self._closing:
                return ready
            try:
                await asyncio.wait_for(self._new_update.wait(), remaining)  # type: ignore[union-attr]  # set in _serve
            except asyncio.TimeoutError:
                pass

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "from": BOT_USER,
            "chat": {"id": int(chat_id), "type": "private" if int(chat_id) > 0 else "group", "title": "t"},
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._message(params)

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return self._message({**params, "text": ""}) if params.get("chat_id") else True

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    async def _true(self, params: dict[str, Any]) -> Any:
        return True

    _api_answerCallbackQuery = _api_setWebhook = _api_deleteWebhook = _true
    _api_setMyCommands = _api_sendChatAction = _api_close = _api_logOut = _true

    # --- injecting updates ---------------------------------------------------------------------
    def inject(self, update: dict[str, Any]) -> int:
        """Queue one update for getUpdates; returns its update_id."""
        with self._lock:
            self._updates.append(update)
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._new_update.set)  # type: ignore[union-attr]  # set in _serve
        return update["update_id"]

    def message_update(self, user_id: int, chat_id: int | None = None, **content: Any) -> dict[str, Any]:
        chat = chat_id if chat_id is not None else user_id
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private" if chat > 0 else "group", "title": "t"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Test"},
            **content,
        }
        return {"update_id": next(self._update_ids), "message": message}

    def send_text(self, user_id: int, text: str, chat_id: int | None = None) -> int:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.inject(self.message_update(user_id, chat_id, **content))

    def share_location(self, user_id: int, latitude: float, longitude: float) -> int:
        return self.inject(
            self.message_update(user_id, location={"latitude": latitude, "longitude": longitude})
        )

    def send_photo(self, user_id: int, file_id: str, data: bytes | None = None) -> int:
        """A compressed photo in three sizes; the largest is `file_id` (served as `data` when given)."""
        if data is not None:
            self.add_file(file_id, data)
        size = len(data) if data is not None else None
        sizes = [
            {"file_id": f"{file_id}-small", "file_unique_id": "s", "width": 90, "height": 60},
            {"file_id": file_id, "file_unique_id": "l", "width": 1280, "height": 853, "file_size": size},
            {"file_id": f"{file_id}-mid", "file_unique_id": "m", "width": 320, "height": 213},
        ]
        return self.inject(self.message_update(user_id, photo=sizes))

    def send_sticker(self, user_id: int) -> int:
        sticker = {
            "file_id": "sticker1",
            "file_unique_id": "st1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.inject(self.message_update(user_id, sticker=sticker))

    def send_voice(self, user_id: int) -> int:
        return self.inject(
            self.message_update(user_id, voice={"file_id": "v1", "file_unique_id": "v", "duration": 2})
        )

    def press_button(self, user_id: int, data: str, message_id: int = 1) -> str:
        """Press an inline button on one of the bot's messages; returns the callback query id."""
        query_id = f"cq{next(self._update_ids)}"
        query = {
            "id": query_id,
            "chat_instance": "ci",
            "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "Test"},
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "text": "menu",
                "from": BOT_USER,
                "chat": {"id": user_id, "type": "private"},
            },
        }
        self.inject({"update_id": next(self._update_ids), "callback_query": query})
        return query_id

    # --- assertions ----------------------------------------------------------------------------
    def calls_to(self, method: str, chat_id: int | None = None, failed: bool = False) -> list[dict[str, Any]]:
        """Calls of a method (to one chat), the successful ones unless failed=True."""
        with self._lock:
            return [
                c.params
                for c in self.calls
                if c.method == method
                and c.failed == failed
                and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
            ]

    def fail(
        self,
        method: str,
        times: int,
        status: int = 502,
        when: Callable[[dict[str, Any]], bool] = lambda params: True,
    ) -> None:
        """The next `times` calls of `method` matching `when` get an HTTP error (an outage)."""
        with self._lock:
            self.failures.setdefault(method, []).append([when, status, times])

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    def replies(
        self, chat_id: int, since: int, timeout: float = 45.0, settle: float = 1.0
    ) -> list[dict[str, Any]]:
        """sendMessage calls to the chat after the first `since`, once they stop coming for `settle` s."""
        self.wait_for(
            lambda: len(self.calls_to("sendMessage", chat_id)) > since, timeout, f"a reply to {chat_id}"
        )
        count = -1
        while count != len(self.calls_to("sendMessage", chat_id)):
            count = len(self.calls_to("sendMessage", chat_id))
            time.sleep(settle)
        return self.calls_to("sendMessage", chat_id)[since:]
