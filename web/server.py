"""The web chat's HTTP server: the page, its static files, and a relay to Rasa's REST channel.

The browser never talks to Rasa directly: this server validates what it sends (a same-origin
JSON request, web/guards.py; within the per-session and per-address limits, web/limits.py),
replaces the browser's random session id with a keyed hash (so raw ids never reach Rasa or a
log), and always answers — when Rasa is down or slow, with the service-unavailable response
that gives 999 and the hotline, rendered from the domain and the contacts file. Typed
`/intent{...}` text is turned into text by Rasa's REST channel (servator.payloads), which every
front end goes through; `/forget` deletes the conversation there.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
from aiohttp import web

from reading import regex
from servator import log_privacy
from servator.config.constants import FRONT_END_HEADER, WEBCHAT_MAX_RASA_WAIT_SECONDS
from servator.config.responses import render, service_unavailable_reply
from servator.config.settings import Settings, sender_hash
from servator.http.headers import security_headers, signed_address
from servator.http.metrics import WEBCHAT_MESSAGES, WEBCHAT_SECONDS
from servator.http.middleware import logged_with_api_errors
from web import photo_upload
from web.guards import client_address, is_json, origin_allowed
from web.health import HealthSources, add_health_routes
from web.limits import WebLimits, gives_a_new_report
from web.page import STATIC_DIR, render_page

MAX_BODY_BYTES = 64 * 1024
RASA_TIMEOUT_SECONDS = WEBCHAT_MAX_RASA_WAIT_SECONDS
SENDER_PREFIX = "web:"
# What chat.js makes: 32 hex characters; any short url-safe token is accepted.
SESSION_ID = regex.compile(r"[A-Za-z0-9_-]{16,64}")
# Only these files are served from static/ (index.html is a template, served rendered at /).
STATIC_FILES = {
    "chat.js": "text/javascript; charset=utf-8",
    "photo.js": "text/javascript; charset=utf-8",
    "chat_format.js": "text/javascript; charset=utf-8",
    "chat.css": "text/css; charset=utf-8",
}

RASA_URL = web.AppKey("rasa_url", str)
HTTP = web.AppKey("http", aiohttp.ClientSession)
PAGE = web.AppKey("page", str)
SETTINGS = web.AppKey("settings", Settings)
LIMITS = web.AppKey("limits", WebLimits)
HEADERS = web.AppKey("headers", dict[str, str])
# The token Rasa's REST channel wants with a photo.
FRONT_END = web.AppKey("front_end", dict[str, str])

log = logging.getLogger("web")


class RequestRejected(Exception):
    """A browser request we will not relay; becomes a JSON error with a 4xx status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class RasaUnavailable(Exception):
    """Rasa answered, but not with a usable list of replies."""


def plain_reply(item: Any) -> dict[str, Any]:
    """One Rasa reply reduced to what the page shows: text and buttons (title, payload)."""
    item = item if isinstance(item, dict) else {}
    buttons = [
        {"title": str(button["title"]), "payload": str(button.get("payload") or button["title"])}
        for button in item.get("buttons") or []
        if isinstance(button, dict) and button.get("title")
    ]
    return {"text": str(item.get("text") or ""), "buttons": buttons}


def is_text(value: str) -> bool:
    """Unicode text (JSON's \\ud800 escapes decode to lone surrogates, which are not)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


async def read_chat_message(request: web.Request) -> tuple[str, str]:
    """(session, message) from the JSON body, or RequestRejected saying what is wrong."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise RequestRejected(413, f"request body too large (limit {MAX_BODY_BYTES} bytes)")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise RequestRejected(413, f"request body too large (limit {MAX_BODY_BYTES} bytes)") from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except ValueError:  # not UTF-8 (RFC 8259), or not JSON
        raise RequestRejected(400, "request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise RequestRejected(400, "expected a JSON object with session and message")
    session, message = body.get("session"), body.get("message")
    if not isinstance(session, str) or not is_text(session) or not SESSION_ID.fullmatch(session):
        raise RequestRejected(400, "session must be a url-safe token of 16 to 64 characters")
    if not isinstance(message, str) or not is_text(message):
        raise RequestRejected(400, "message must be a string")
    return session, message


async def relay_to_rasa(
    http: aiohttp.ClientSession,
    rasa_url: str,
    sender: str,
    message: str,
    headers: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """POST to Rasa's REST channel; the replies that have text or buttons."""
    body = {"sender": sender, "message": message}
    async with http.post(f"{rasa_url}/webhooks/rest/webhook", json=body, headers=headers) as response:
        if response.status != 200:
            raise RasaUnavailable(f"HTTP {response.status}")
        data = await response.json(content_type=None)
    if not isinstance(data, list):
        raise RasaUnavailable("not a list of replies")
    return [reply for reply in map(plain_reply, data) if reply["text"] or reply["buttons"]]


def check_origin(request: web.Request) -> None:
    """RequestRejected unless the request comes from the chat's own origin (or one configured)."""
    if not origin_allowed(request, request.app[SETTINGS].webchat_origins):
        raise RequestRejected(403, "cross-origin request refused: Origin must be the chat's own")


def check_request(request: web.Request) -> None:
    """RequestRejected unless the request is a JSON POST from the chat's own origin."""
    check_origin(request)
    if not is_json(request):
        raise RequestRejected(415, "Content-Type must be application/json")


async def post_message(request: web.Request) -> web.Response:
    """POST /api/message: {"session", "message"} -> {"replies": [{"text", "buttons"}]}."""
    try:
        check_request(request)
        session, message = await read_chat_message(request)
    except RequestRejected as rejected:
        return web.json_response({"error": rejected.message}, status=rejected.status)
    log_privacy.remember(message)
    over_limit = admit(request, session)
    if over_limit is not None:
        return over_limit
    return await answer(request, session, message)


async def post_photo(request: web.Request) -> web.Response:
    """POST /api/photo: multipart `session` and `photo` -> {"replies": [...]}, like /api/message."""
    try:
        check_origin(request)
        upload = await photo_upload.read_upload(request, SESSION_ID)
    except RequestRejected as rejected:
        return web.json_response({"error": rejected.message}, status=rejected.status)
    except photo_upload.UploadRejected as rejected:
        return web.json_response(rejected.body, status=rejected.status, headers={"Cache-Control": "no-store"})
    over_limit = admit(request, upload.session)
    if over_limit is not None:
        return over_limit
    message = await photo_upload.message_for_rasa(request.app, upload, rasa_sender(upload.session))
    return await answer(request, upload.session, message, request.app[FRONT_END])


def rasa_sender(session: str) -> str:
    """What Rasa knows a browser session as: a keyed hash, never the id the browser holds."""
    return sender_hash(SENDER_PREFIX + session)


def _address(request: web.Request) -> str:
    return sender_hash("address:" + client_address(request, request.app[SETTINGS].trusted_proxies))


def admit(request: web.Request, session: str) -> web.Response | None:
    """None when this message is within the session's and the address's limits (and counts it), else
    the 429 answer that says why and still gives 999 and the hotline."""
    refusal = request.app[LIMITS].admit(rasa_sender(session), _address(request))
    if refusal is None:
        return None
    log.info("refused over a limit (%s)", refusal.response)
    return web.json_response(
        {"replies": [render(refusal.response)], "error": "too many requests"},
        status=429,
        headers={"Retry-After": str(refusal.retry_after), "Cache-Control": "no-store"},
    )


async def answer(
    request: web.Request, session: str, message: str, headers: dict[str, str] | None = None
) -> web.Response:
    """Relay one admitted message to Rasa and answer {"replies": [...]} (the safety message when Rasa fails)."""
    sender, address = rasa_sender(session), _address(request)
    started = time.monotonic()
    # Rasa counts follow-up lookups per person: their address's hash, signed with the front-end token.
    signed = signed_address(request.app[FRONT_END][FRONT_END_HEADER], address)
    try:
        replies = await relay_to_rasa(
            request.app[HTTP], request.app[RASA_URL], sender, message, {**(headers or {}), **signed}
        )
        if gives_a_new_report([reply["text"] for reply in replies]):
            request.app[LIMITS].report_made(sender, address)
        outcome = "ok"
    except (aiohttp.ClientError, asyncio.TimeoutError, RasaUnavailable, ValueError) as error:
        replies, outcome = [service_unavailable_reply()], f"unavailable ({type(error).__name__})"
    except Exception as error:  # never a 500 page: the person still gets 999 and the hotline
        log.exception("relay failed unexpectedly (%s)", type(error).__name__)
        replies, outcome = [service_unavailable_reply()], f"unavailable ({type(error).__name__})"
    elapsed = time.monotonic() - started
    WEBCHAT_MESSAGES.labels("ok" if outcome == "ok" else "unavailable").inc()
    WEBCHAT_SECONDS.observe(elapsed)
    log.info("relay %s in %.0f ms, %d replies", outcome, elapsed * 1000, len(replies))
    return web.json_response({"replies": replies}, headers={"Cache-Control": "no-store"})


async def page(request: web.Request) -> web.Response:
    return web.Response(
        text=request.app[PAGE], content_type="text/html", headers={"Cache-Control": "no-cache"}
    )


async def static_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    return web.FileResponse(
        STATIC_DIR / name, headers={"Content-Type": STATIC_FILES[name], "Cache-Control": "no-cache"}
    )


async def no_favicon(request: web.Request) -> web.Response:
    """Browsers ask for one on every visit; answering 204 keeps the logs free of 404s."""
    return web.Response(status=204)


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    headers: dict[str, str] = request.app[HEADERS]
    for name, value in headers.items():
        response.headers[name] = value


def client_session(timeout: float) -> Callable[[web.Application], AsyncIterator[None]]:
    """One pooled HTTP client to Rasa for the app's lifetime."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http:
            app[HTTP] = http
            yield

    return context


def create_app(
    rasa_url: str,
    max_chars: int,
    *,
    timeout: float = RASA_TIMEOUT_SECONDS,
    database_url: str | None = None,
    outbox_dir: str | None = None,
    settings: Settings | None = None,
) -> web.Application:
    """The web chat app relaying to Rasa at rasa_url (e.g. http://127.0.0.1:5005).

    `/healthz` checks database_url (none: no database check) and the outbox folder (default the setting).
    """
    settings = settings or Settings.from_env()
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[logged_with_api_errors(log)])
    photo_upload.install(app, database_url)
    app[FRONT_END] = {FRONT_END_HEADER: settings.front_end_secret()}
    app[RASA_URL] = rasa_url.rstrip("/")
    app[SETTINGS] = settings
    app[LIMITS] = WebLimits(settings)
    app[HEADERS] = security_headers(settings.webchat_frame_ancestors)
    app[PAGE] = render_page(max_chars)
    app.cleanup_ctx.append(client_session(timeout))
    # aiohttp 3.9 annotates its signals in a form that predates aiosignal 1.4's generic Signal.
    app.on_response_prepare.append(add_security_headers)  # type: ignore[arg-type]
    app.router.add_get("/", page)
    app.router.add_get("/static/{name}", static_file)
    app.router.add_post("/api/message", post_message)
    app.router.add_post("/api/photo", post_photo)
    add_health_routes(app, HealthSources(app[RASA_URL], database_url, outbox_dir or settings.outbox_dir))
    app.router.add_get("/favicon.ico", no_favicon)
    return app
