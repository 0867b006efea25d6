"""The REST channel with an input guard in front of Rasa.

Same URL and contract as Rasa's REST channel (`POST /webhooks/rest/webhook`), but every
message is cleaned first: control characters go, an empty message becomes a fallback,
and an over-long one is answered with a length message instead of being processed,
unless the danger detector fires on it, in which case it goes in as an emergency.

Only the assistant's own button payloads reach Rasa as intents (servator.payloads); typed
`/intent{...}` text goes in as text. Shared locations and photos are accepted only from the
Telegram front end, which sends the FRONT_END_TOKEN in the `X-Servator-Front-End` header. The
body's `input_channel` and `metadata` (but a language hint) are ignored: the client does not choose what the tracker
records about it.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidHeader, InvalidUsage
from sanic.headers import parse_accept
from sanic.request import Request
from sanic.response import HTTPResponse

from reading import regex
from reading.language import known_language
from servator import log_privacy
from servator.config.constants import FRONT_END_HEADER
from servator.config.responses import TOO_LONG_RESPONSE, render, service_unavailable_reply
from servator.config.settings import Settings, sender_hash
from servator.http.headers import verified_address
from servator.http.metrics import MESSAGES, TURN_SECONDS
from servator.payloads import accepted_message
from servator.rasa_runtime.patches.connection_close import close_after_response

_CONTROL = regex.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
EMPTY_PAYLOAD = "/nlu_fallback"
EMERGENCY_PAYLOAD = "/emergency"
log = logging.getLogger(__name__)


def clean_text(raw: Any) -> str:
    """Text without control or direction-override characters or lone surrogates (JSON's \\ud800
    escapes: not Unicode text, and RE2 cannot read them), whitespace trimmed."""
    if not isinstance(raw, str):
        return ""
    return _CONTROL.sub("", raw.encode("utf-8", "ignore").decode("utf-8")).strip()


def never_silent(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[None]]:
    """Rasa's message handler, but a turn that produced no reply gets the safety message.

    When the action server is down (or Rasa fails mid-turn) Rasa answers nothing; the person
    still needs to hear where to go (999, the hotline). Failures are logged without the text.
    """

    async def handle(message: UserMessage) -> None:
        started = time.perf_counter()
        MESSAGES.inc()
        collector = message.output_channel
        try:
            await on_new_message(message)
        except Exception as error:  # noqa: BLE001 - Rasa's own handler would log the message text
            log.error("message handling failed (%s); answered with the safety message", type(error).__name__)
            # What the failed turn had said may not be true (a deletion or a save did not happen).
            if type(collector) is CollectingOutputChannel:
                collector.messages.clear()
        finally:
            TURN_SECONDS.observe(time.perf_counter() - started)
        if type(collector) is CollectingOutputChannel and not collector.messages:
            await collector.send_text_message(message.sender_id, service_unavailable_reply()["text"])

    return handle


def readable_accept(request: Request) -> None:
    """An Accept header Sanic cannot parse counts as none: Sanic reads it to pick the format of an
    error page, and an unparsable one turned any 4xx into a 500."""
    try:
        request.accept  # noqa: B018 - parsed and cached by Sanic
    except InvalidHeader:
        request.parsed_accept = parse_accept("")


class GuardedRestInput(RestInput):
    """Rasa's REST input with the guard above; registered under the name `rest`."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self, max_chars: int | None = None) -> None:
        super().__init__()
        settings = Settings.from_env()
        self.max_chars = max_chars or settings.max_message_chars
        # Several Sanic workers share one listening socket, and a kept-alive connection stays
        # with the worker that accepted it: 16 users connecting at once were measured split
        # 8/8, 13/3 and 16/0, the last doubling the p95. Closing each connection after its
        # answer lets the next request go to whichever worker is free (docs/performance.md).
        self.close_connections = settings.sanic_workers > 1
        self.front_end_token = settings.front_end_secret()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> GuardedRestInput:
        return cls((credentials or {}).get("max_chars"))

    def _extract_message(self, req: Request) -> str | None:
        """The cleaned text Rasa will process (payloads for empty and dangerous long input)."""
        body = req.json if isinstance(req.json, dict) else {}
        log_privacy.remember(body.get("message"))
        text = clean_text(body.get("message"))
        if not text:
            return EMPTY_PAYLOAD
        if len(text) > self.max_chars:
            from reading.danger import danger_fired  # spaCy loads on first use, not at import

            return EMERGENCY_PAYLOAD if danger_fired(text) else None
        return accepted_message(text, self._from_front_end(req)) or EMPTY_PAYLOAD

    def _from_front_end(self, req: Request) -> bool:
        """The request carries the Telegram front end's token (compared in constant time)."""
        given = req.headers.get(FRONT_END_HEADER) or ""
        return bool(given) and hmac.compare_digest(given.encode(), self.front_end_token.encode())

    def _extract_input_channel(self, req: Request) -> str:
        """Always this channel's name: the body's `input_channel` is the client's claim, not a fact."""
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """The keyed hash of the address the message came from (for the per-address limit on
        follow-up lookups): the web chat's signed header for its person, else the caller's own address;
        and a language hint (one of the assistant's languages) from the body's metadata, which never
        outweighs the text. Nothing else of the body's metadata is read (it would be stored unchecked)."""
        forwarded = verified_address(request.headers, self.front_end_token)
        metadata: dict[str, Any] = {"address_hash": forwarded or sender_hash(f"address:{request.ip}")}
        body = request.json if isinstance(request.json, dict) else {}
        given = body.get("metadata")
        hint = known_language(given.get("language_hint")) if isinstance(given, dict) else None
        if hint:
            metadata["language_hint"] = hint
        return metadata

    async def _extract_sender(self, req: Request) -> str | None:
        body = req.json if isinstance(req.json, dict) else {}
        sender = body.get("sender")
        return clean_text(str(sender))[:128] or None if sender is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint, over-long messages answered before they reach Rasa, never an empty answer."""
        blueprint: Blueprint = super().blueprint(never_silent(on_new_message))
        guard = self

        async def too_long(request: Request) -> HTTPResponse | None:
            if not request.path.endswith("/webhook") or request.method != "POST":
                return None
            readable_accept(request)
            try:
                body = request.json
            except InvalidUsage:  # not JSON: answered here, not by Sanic's error pages
                body = None
            if not isinstance(body, dict):
                return response.json({"error": "expected a JSON object with sender and message"}, status=400)
            text = clean_text(request.json.get("message"))
            from reading.danger import danger_fired  # spaCy loads on first use, not at import

            if len(text) > guard.max_chars and not danger_fired(text):
                return response.json(await guard._too_long_reply(request))
            return None

        async def spread_over_workers(request: Request, _response: HTTPResponse) -> None:
            if guard.close_connections:
                close_after_response(request)

        blueprint.middleware(too_long, "request")
        blueprint.middleware(spread_over_workers, "response")

        return blueprint

    async def _too_long_reply(self, request: Request) -> list[dict[str, Any]]:
        """The length message, rendered from the domain like every other response."""
        reply = render(TOO_LONG_RESPONSE, max_chars=self.max_chars)
        return [{"recipient_id": request.json.get("sender"), "text": reply["text"]}]
