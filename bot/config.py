"""The Telegram front end's settings, from servator.config.settings, checked (no tokens in code)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from servator.config.settings import Settings

# Telegram's rule for secret_token: 1-256 of A-Z a-z 0-9 _ -
_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def file_url_for(base_url: str) -> str:
    """The file-download URL that goes with an API URL: `.../bot` becomes `.../file/bot`."""
    if base_url.endswith("/bot"):
        return base_url[: -len("/bot")] + "/file/bot"
    return base_url.rstrip("/") + "/file/"


def _listen_address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError("TELEGRAM_WEBHOOK_LISTEN must be host:port")
    return host.strip("[]"), int(port)


@dataclass(frozen=True)
class BotConfig:
    """Everything the bot needs, each value from Settings (whose defaults are the only ones); the token
    and webhook secret never appear in repr()."""

    token: str = field(repr=False)
    api_base_url: str
    api_file_url: str
    rasa_url: str
    database_url: str = field(repr=False)
    officer_chat_ids: tuple[str, ...]
    officer_user_ids: frozenset[int]
    webhook_url: str | None
    webhook_secret: str | None = field(repr=False)
    webhook_listen: tuple[str, int]
    rasa_timeout_seconds: float
    flood_max_messages: int
    flood_window_seconds: float
    notify_interval_seconds: float
    realert_minutes: float
    max_realerts: int
    # Shown to Rasa's REST channel with shared locations and photos only (bot/rasa_client.py).
    front_end_token: str = field(repr=False)

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts to, taken from TELEGRAM_WEBHOOK_URL (a proxy forwards it)."""
        return urlparse(self.webhook_url or "").path or "/"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BotConfig:
        """Read (servator.config.settings) and check the settings; a ValueError names what is missing or wrong."""
        settings = Settings.from_env(env)
        token = settings.telegram_bot_token
        if not token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        base_url = settings.telegram_api_base_url
        webhook_url = settings.telegram_webhook_url or None
        secret = settings.telegram_webhook_secret or None
        if webhook_url and not (secret and _SECRET_PATTERN.match(secret)):
            raise ValueError("webhook mode needs TELEGRAM_WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -)")
        user_ids = settings.officer_user_ids
        if not all(part.lstrip("-").isdigit() for part in user_ids):
            raise ValueError("OFFICER_USER_IDS must be comma-separated numeric Telegram user ids")
        return cls(
            token=token,
            api_base_url=base_url,
            api_file_url=settings.telegram_api_file_url or file_url_for(base_url),
            rasa_url=settings.rasa_url,
            database_url=settings.database_url,
            officer_chat_ids=settings.officer_chat_ids,
            officer_user_ids=frozenset(int(part) for part in user_ids),
            webhook_url=webhook_url,
            webhook_secret=secret,
            webhook_listen=_listen_address(settings.telegram_webhook_listen),
            rasa_timeout_seconds=settings.rasa_timeout_seconds,
            flood_max_messages=settings.telegram_flood_max_messages,
            flood_window_seconds=settings.telegram_flood_window_seconds,
            notify_interval_seconds=settings.telegram_notify_interval_seconds,
            realert_minutes=settings.officer_realert_minutes,
            max_realerts=settings.officer_realert_max,
            front_end_token=settings.front_end_secret(),
        )
