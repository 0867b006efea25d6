"""The Application factory and the serve loop (long polling, or the custom webhook server)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

import httpx
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import handlers, officers, photo_download
from bot.config import BotConfig
from bot.followup import QuestionPusher
from bot.followup_store import FollowUpStore
from bot.officer_alerts import NotificationSender
from bot.officer_store import OfficerStore
from bot.rasa_client import RasaClient
from bot.update_order import PerUserOrder
from bot.webhook import WebhookServer
from servator.photos.intake import PhotoIntake

log = logging.getLogger(__name__)
# ptb's Application is generic in its bot, context and data types; this one uses the defaults.
BotApplication = Application[Any, Any, Any, Any, Any, Any]
PUBLIC_COMMANDS = [
    BotCommand("start", "Start and see what I can do"),
    BotCommand("report", "Report something suspicious"),
    BotCommand("help", "Help and the numbers to call"),
    BotCommand("cancel", "Cancel the current report"),
    BotCommand("forget", "Delete this conversation from the assistant's records"),
]
MAX_START_BACKOFF_SECONDS = 60.0


async def start_background(application: BotApplication) -> None:
    """post_init: the notification and question loops as asyncio tasks (no job queue, see DESIGN.md)."""
    config: BotConfig = application.bot_data["config"]
    sender = NotificationSender(
        application.bot_data["store"],
        application.bot,
        config.notify_interval_seconds,
        realert_after_seconds=config.realert_minutes * 60,
        max_realerts=config.max_realerts,
    )
    application.bot_data["notifier"] = asyncio.create_task(sender.run(), name="officer-notifications")
    pusher = QuestionPusher(
        application.bot_data["followups"], application.bot, config.notify_interval_seconds
    )
    application.bot_data["question_pusher"] = asyncio.create_task(pusher.run(), name="followup-questions")
    with contextlib.suppress(TelegramError):
        await application.bot.set_my_commands(PUBLIC_COMMANDS)


async def stop_background(application: BotApplication) -> None:
    """post_shutdown: cancel the notification and question loops and close the Rasa client."""
    for name in ("notifier", "question_pusher"):
        task = application.bot_data.pop(name, None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    await application.bot_data["rasa"].aclose()
    await application.bot_data["files"].aclose()


def build_application(config: BotConfig) -> BotApplication:
    """Every handler in order: flood guard first, then commands, then content types, then the rest."""
    builder = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.api_file_url)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .job_queue(None)  # background work is an asyncio task; ptb's APScheduler extra is not used
        .concurrent_updates(PerUserOrder())  # users in parallel, each user's updates in order
        .post_init(start_background)
        .post_shutdown(stop_background)
    )
    if config.webhook_url:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data.update(
        config=config,
        rasa=RasaClient(config.rasa_url, config.rasa_timeout_seconds, config.front_end_token),
        store=OfficerStore(config.database_url),
        # Officers' questions to reporters and their answers (bot/followup.py, docs/followup.md).
        followups=FollowUpStore(config.database_url),
        # Photos and documents: downloaded from the file URL (bot/photo_download.py), cleaned and kept
        # for the report (servator/photos).
        files=httpx.AsyncClient(timeout=photo_download.DOWNLOAD_TIMEOUT_SECONDS),
        photos=PhotoIntake(config.database_url, "telegram"),
    )
    private = filters.ChatType.PRIVATE
    new_message = filters.UpdateType.MESSAGE
    application.add_handler(
        TypeHandler(Update, handlers.FloodGuard(config.flood_max_messages, config.flood_window_seconds)),
        group=-1,
    )
    application.add_handlers(
        [
            CommandHandler("start", handlers.start, filters=private),
            CommandHandler("help", handlers.help_command, filters=private),
            CommandHandler("cancel", handlers.cancel, filters=private),
            CommandHandler("forget", handlers.forget, filters=private),
            CommandHandler("report", officers.report_command),
            CommandHandler("reports", officers.list_reports),
            CommandHandler("ack", officers.acknowledge),
            CommandHandler("links", officers.links_command),
            CallbackQueryHandler(handlers.button_pressed),
            MessageHandler(private & new_message & filters.TEXT, handlers.text_message),
            MessageHandler(private & new_message & filters.LOCATION, handlers.location_shared),
            MessageHandler(private & new_message & filters.PHOTO, handlers.photo_shared),
            MessageHandler(private & new_message & filters.Document.ALL, handlers.photo_shared),
            MessageHandler(private & new_message, handlers.unsupported_content),
        ]
    )
    application.add_error_handler(handlers.error_handler)
    return application


async def _initialize(application: BotApplication, stop: asyncio.Event) -> bool:
    """Initialize, retrying while Telegram is unreachable; False if stopped or the token is refused."""
    delay = 1.0
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except InvalidToken:  # its message contains the token: never log it
            log.error("Telegram refused the bot token; check TELEGRAM_BOT_TOKEN")
            return False
        except NetworkError as error:
            log.warning("Telegram unreachable (%s); retrying in %.0f s", type(error).__name__, delay)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, MAX_START_BACKOFF_SECONDS)
    return False


async def serve(application: BotApplication, config: BotConfig) -> int:
    """Run until SIGINT/SIGTERM: polling by default, the webhook server when configured."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if not await _initialize(application, stop):
        return 0 if stop.is_set() else 1
    server = None
    try:
        if application.post_init is not None:
            await application.post_init(application)
        if config.webhook_url:
            host, port = config.webhook_listen
            server = WebhookServer(application, config.webhook_secret or "", host, port, config.webhook_path)
            await server.start()
            await application.bot.set_webhook(
                config.webhook_url, secret_token=config.webhook_secret, allowed_updates=Update.ALL_TYPES
            )
        else:
            assert application.updater is not None  # built with one unless in webhook mode
            await application.updater.start_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
        await application.start()
        log.info("Telegram bot running (%s)", "webhook" if config.webhook_url else "long polling")
        await stop.wait()
    finally:
        if server is not None:
            await server.stop()
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
        await application.shutdown()
    return 0
