"""Talks to Rasa's REST channel; when Rasa is down the user still gets 999 / hotline guidance."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from servator.config.constants import FRONT_END_HEADER
from servator.config.responses import service_unavailable_reply
from servator.config.settings import sender_hash

log = logging.getLogger(__name__)
Reply = dict[str, Any]


def telegram_sender(user_id: int) -> str:
    """The keyed hash Rasa sees for a Telegram user: never the raw id."""
    return sender_hash(f"telegram:{user_id}")


class RasaClient:
    """One pooled HTTP client for `{RASA_URL}/webhooks/rest/webhook`.

    `front_end_token` goes with shared locations and photos only (the REST channel accepts those
    payloads only with it); typed text and button presses go without it.
    """

    def __init__(self, rasa_url: str, timeout_seconds: float = 30.0, front_end_token: str = "") -> None:
        self._client = httpx.AsyncClient(base_url=rasa_url, timeout=timeout_seconds)
        self._front_end_token = front_end_token

    async def send(
        self, user_id: int, message: str, attachment: bool = False, language_hint: str | None = None
    ) -> list[Reply]:
        """Rasa's replies to one message, or the service-unavailable reply on any failure.

        `language_hint`: the person's Telegram `language_code`, a hint the text always overrides.
        """
        body: dict[str, Any] = {"sender": telegram_sender(user_id), "message": message}
        if language_hint:
            body["metadata"] = {"language_hint": language_hint}
        headers = {FRONT_END_HEADER: self._front_end_token} if attachment and self._front_end_token else {}
        try:
            response = await self._client.post("/webhooks/rest/webhook", json=body, headers=headers)
            response.raise_for_status()
            replies = response.json()
        except (httpx.HTTPError, ValueError) as error:
            log.warning("Rasa request failed: %s", type(error).__name__)
            return [service_unavailable_reply()]
        if not isinstance(replies, list):
            log.warning("Rasa answered with an unexpected body")
            return [service_unavailable_reply()]
        return [reply for reply in replies if isinstance(reply, dict)]

    async def aclose(self) -> None:
        await self._client.aclose()
