"""User-facing handlers: every message goes to Rasa and every reply comes back, buttons included."""

from __future__ import annotations

import logging
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import MutableMapping
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import MessageLimit
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import followup, photo_download
from bot.rasa_client import RasaClient, Reply, telegram_sender
from servator import log_privacy
from servator.config.responses import render, service_unavailable_reply
from servator.payloads import FORGET_COMMAND, location_payload

log = logging.getLogger(__name__)
CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit for callback_data
TOKEN_PREFIX = "btn:"
MAX_TOKENS_PER_CHAT = 200


def split_text(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Telegram refuses texts over 4096 characters: cut at line breaks where possible."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return chunks + [text] if text else chunks


def callback_data_for(payload: str, chat_data: MutableMapping[str, Any]) -> str:
    """The payload itself when it fits in 64 bytes, else a short per-chat token that maps to it."""
    if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT and not payload.startswith(TOKEN_PREFIX):
        return payload
    tokens: OrderedDict[str, str] = chat_data.setdefault("button_tokens", OrderedDict())
    token = TOKEN_PREFIX + secrets.token_urlsafe(12)
    tokens[token] = payload
    while len(tokens) > MAX_TOKENS_PER_CHAT:
        tokens.popitem(last=False)
    return token


def payload_for(data: str | None, chat_data: MutableMapping[str, Any]) -> str | None:
    """What a pressed button means: its payload, or None for an unknown or expired token."""
    if not data:
        return None
    if data.startswith(TOKEN_PREFIX):
        payload: str | None = chat_data.get("button_tokens", {}).get(data)
        return payload
    return data


def keyboard_for(
    buttons: list[dict[str, Any]], chat_data: MutableMapping[str, Any]
) -> InlineKeyboardMarkup | None:
    """Rasa's buttons as an inline keyboard, one button per row."""
    rows = [
        [
            InlineKeyboardButton(
                str(b.get("title") or b["payload"]),
                callback_data=callback_data_for(str(b["payload"]), chat_data),
            )
        ]
        for b in buttons
        if b.get("payload")
    ]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_replies(update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply]) -> None:
    """Each reply as a message; buttons go on the reply's last chunk."""
    chat = update.effective_chat
    if chat is None:  # every handler that relays is for chat updates
        return
    for reply in replies:
        text = str(reply.get("text") or "").strip()
        if not text:
            continue
        keyboard = keyboard_for(reply.get("buttons") or [], _chat_data(context))
        chunks = split_text(text)
        for index, chunk in enumerate(chunks):
            await chat.send_message(chunk, reply_markup=keyboard if index == len(chunks) - 1 else None)


async def relay(
    update: Update, context: ContextTypes.DEFAULT_TYPE, message: str, attachment: bool = False
) -> None:
    """Send one message to Rasa as this user and show what it says (`attachment`: with the front end's token)."""
    rasa: RasaClient = context.bot_data["rasa"]
    if update.effective_user is None:  # channel posts have no user: nobody to answer
        return
    replies = await rasa.send(
        update.effective_user.id, message, attachment, language_hint=update.effective_user.language_code
    )
    await send_replies(update, context, replies)
    if update.effective_chat is not None and "followups" in context.bot_data:
        await followup.remember_chat(context.bot_data["followups"], replies, update.effective_chat.id)


def _chat_data(context: ContextTypes.DEFAULT_TYPE) -> MutableMapping[str, Any]:
    """The chat's own store (ptb has one for every update from a chat)."""
    return context.chat_data if context.chat_data is not None else {}


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome with buttons, from Rasa's greeting."""
    await relay(update, context, "/greet")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the assistant can do."""
    await relay(update, context, "/help")


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop the current report."""
    await relay(update, context, "/cancel")


async def start_report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Begin a suspicious-behaviour report."""
    await relay(update, context, "/report_suspicious")


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete this person's conversation (Rasa says so once it is deleted)."""
    _chat_data(context).pop("button_tokens", None)
    await relay(update, context, FORGET_COMMAND)


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Relay what the user typed, without the front end's token: Rasa's REST channel takes a typed
    `/intent{...}` as text unless it is one of the assistant's own button payloads (servator.payloads),
    and never takes a typed location or photo."""
    message = update.effective_message
    if message is not None and message.text is not None:
        log_privacy.remember(message.text)
        store = context.bot_data.get("followups")
        if store is not None and await followup.answer_if_awaited(
            store, update, lambda text: relay(update, context, text)
        ):
            return
        await relay(update, context, message.text)


async def button_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the button press, retire its keyboard and relay its payload as the user's message."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    payload = payload_for(query.data, _chat_data(context))
    if query.message is not None:
        try:
            await query.edit_message_reply_markup(reply_markup=None)
        except TelegramError as error:  # too old or already edited: the press still counts
            log.info("could not remove a keyboard: %s", type(error).__name__)
    if payload is not None and update.effective_chat is not None:
        await relay(update, context, payload)


async def location_shared(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location, for the report's where."""
    location = update.effective_message.location if update.effective_message else None
    if location is None:
        return
    payload = location_payload(location.latitude, location.longitude)
    if payload is None:  # a position outside the world's bounds
        await unsupported_content(update, context)
        return
    await relay(update, context, payload, attachment=True)


async def photo_shared(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, or a file sent as a document: downloaded now, checked and cleaned (servator/photos,
    through bot/photo_download.py), then Rasa attaches it to the report or, outside one, deletes it."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    payload = await photo_download.message_for_rasa(
        context.bot, context.bot_data["files"], context.bot_data["photos"], message, telegram_sender(user.id)
    )
    await relay(update, context, payload, attachment=True)


async def unsupported_content(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, voice notes and the like: say what works."""
    if update.effective_chat is None:
        return
    await update.effective_chat.send_message(render("utter_unsupported_content")["text"])


class FloodGuard:
    """At most N updates per user per window, in memory; the first one over gets one warning."""

    def __init__(self, max_messages: int, window_seconds: float) -> None:
        self.max_messages = max_messages
        self.window_seconds = window_seconds
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, bool] = {}

    def allow(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self.window_seconds:
            times.popleft()
        if len(times) >= self.max_messages:
            return False
        times.append(now)
        self._warned.pop(user_id, None)
        if len(self._seen) > 10_000:  # forget idle users so memory stays bounded
            for idle in [u for u, t in self._seen.items() if not t or now - t[-1] > self.window_seconds]:
                del self._seen[idle]
        return True

    def first_refusal(self, user_id: int) -> bool:
        """True once per burst, so the warning itself cannot be used to flood the chat."""
        if self._warned.get(user_id):
            return False
        self._warned[user_id] = True
        return True

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs before every other handler; stops updates from a user over the limit."""
        user = update.effective_user
        if user is None or self.allow(user.id):
            return
        if update.callback_query is not None:
            await update.callback_query.answer()
        if self.first_refusal(user.id) and update.effective_chat is not None:
            await update.effective_chat.send_message(render("utter_slow_down")["text"])
        raise ApplicationHandlerStop


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log only the error's type and the update_id; tell the user where to turn."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s", update_id, type(context.error).__name__)
    if (
        isinstance(update, Update)
        and update.effective_chat is not None
        and update.effective_chat.type == "private"
    ):
        try:
            await update.effective_chat.send_message(service_unavailable_reply()["text"])
        except TelegramError:
            pass
