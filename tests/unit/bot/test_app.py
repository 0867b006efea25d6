"""The bot application: webhook or polling as configured, the flood guard before every handler, and a
start that waits out a Telegram outage but gives up on a refused token."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from telegram.error import InvalidToken, NetworkError
from telegram.ext import CommandHandler, TypeHandler, filters

from bot import app, handlers
from bot.app import _initialize, build_application
from bot.config import BotConfig
from tests.support.bot_api_stub import TOKEN
from tests.support.storage_helpers import sqlite_url


def config(tmp_path: Path, **env: str) -> BotConfig:
    return BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": sqlite_url(tmp_path), **env})


def test_polling_by_default_and_no_poller_in_webhook_mode(tmp_path):
    assert build_application(config(tmp_path)).updater is not None
    webhook = config(
        tmp_path, TELEGRAM_WEBHOOK_URL="https://servator.test/tg", TELEGRAM_WEBHOOK_SECRET="s3cret"
    )
    assert build_application(webhook).updater is None


def test_the_flood_guard_runs_before_every_other_handler_and_reporters_commands_are_private(tmp_path):
    application = build_application(config(tmp_path))
    [guard] = application.handlers[-1]
    assert isinstance(guard, TypeHandler) and isinstance(guard.callback, handlers.FloodGuard)
    commands = {
        name: handler
        for handler in application.handlers[0]
        if isinstance(handler, CommandHandler)
        for name in handler.commands
    }
    assert {"start", "help", "cancel", "forget", "report", "reports", "ack", "links"} <= set(commands)
    assert all(commands[name].filters is filters.ChatType.PRIVATE for name in ("start", "forget"))
    assert commands["ack"].filters is not filters.ChatType.PRIVATE, "officers' commands work in groups"


class Starting:
    """Stands in for the Application: initialize fails with each error given, then succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def initialize(self) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


async def test_a_telegram_outage_at_start_is_waited_out(monkeypatch):
    monkeypatch.setattr(app, "MAX_START_BACKOFF_SECONDS", 0.01)
    starting = Starting(NetworkError("down"), NetworkError("down"))
    assert await asyncio.wait_for(_initialize(starting, asyncio.Event()), 10)
    assert starting.calls == 3


async def test_a_refused_token_stops_the_start_without_logging_it(caplog):
    starting: Any = Starting(InvalidToken(f"token {TOKEN} refused"))
    assert not await _initialize(starting, asyncio.Event())
    assert TOKEN not in caplog.text and "TELEGRAM_BOT_TOKEN" in caplog.text


async def test_a_stop_during_an_outage_ends_the_start():
    stop = asyncio.Event()
    stop.set()
    starting: Any = Starting(NetworkError("down"))
    assert not await _initialize(starting, stop)
