"""Officers' questions to the person who reported, on Telegram (docs/followup.md).

- When a reply gives a reference and a follow-up code (the report was just stored), the chat is kept
  for that report, encrypted (bot/followup_store.py).
- `QuestionPusher` sends every new question to its chat, with the reference, a few seconds after an
  officer asks it (one pass every few seconds, like the officer alerts: bot/background.py).
- The reporter's next message, or a reply to the question, is the answer: it is stored and they are
  told it was passed on. "stop" (or its word in another language: "parar", "停") instead ends follow-up for that report and deletes the chat id. A
  message in which the danger detector sees danger also goes to the assistant, whose 999 reply comes
  first. These messages are in the report's language (languages/<code>/responses.yml).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from telegram import Bot, Update
from telegram.error import TelegramError

from bot.background import every
from bot.followup_store import FollowUpStore
from bot.rasa_client import Reply
from reading import regex
from reading.language.answers import asks_to_stop
from servator.config.localised_responses import render_in
from servator.storage import REFERENCE_PATTERN
from servator.storage.followup_codes import find_code

log = logging.getLogger(__name__)
STOP = regex.compile(r"\s*/?stop[\s.!]*", ignore_case=True)
PUSH_BATCH = 20
MAX_BACKOFF_SECONDS = 60.0


def is_stop(text: str) -> bool:
    """The whole message ends follow-up: "stop", "/stop", or its word in another language."""
    return STOP.fullmatch(text) is not None or asks_to_stop(text)


def reference_given_with_code(replies: list[Reply]) -> str | None:
    """The reference of a reply that also gives a follow-up code (a report just stored), else None."""
    for reply in replies:
        text = str(reply.get("text") or "")
        reference = REFERENCE_PATTERN.search(text)
        if reference is not None and find_code(REFERENCE_PATTERN.sub(" ", text)) is not None:
            return str(reference.group(0))
    return None


async def remember_chat(store: FollowUpStore, replies: list[Reply], chat_id: int) -> None:
    reference = reference_given_with_code(replies)
    if reference is None:
        return
    try:
        await asyncio.to_thread(store.register, reference, chat_id)
    except Exception as error:  # noqa: BLE001 - the report stands; only follow-up on Telegram is lost
        log.warning("follow-up chat not kept (%s)", type(error).__name__)


async def answer_if_awaited(
    store: FollowUpStore, update: Update, relay: Callable[[str], Awaitable[None]]
) -> bool:
    """True when the message answered (or stopped) a pushed question; it then goes no further."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.text is None:
        return False
    reply_to = message.reply_to_message.message_id if message.reply_to_message is not None else None
    awaiting = await asyncio.to_thread(store.awaiting, chat.id, reply_to)
    if awaiting is None:
        return False
    if is_stop(message.text):
        await asyncio.to_thread(store.end, awaiting.reference)
        stopped = render_in(awaiting.language, "utter_followup_chat_stopped", reference=awaiting.reference)
        await chat.send_message(stopped["text"])
        return True
    from reading.danger import danger_fired  # spaCy loads on first use, not at import

    if danger_fired(message.text):
        await relay(message.text)
    await asyncio.to_thread(store.answer, awaiting, message.text)
    await chat.send_message(render_in(awaiting.language, "utter_followup_answer_passed_on")["text"])
    return True


class QuestionPusher:
    """Sends officers' new questions to the reporters' chats; one that fails is tried again after a
    wait that doubles with each failure (at most a minute)."""

    def __init__(self, store: FollowUpStore, bot: Bot, interval_seconds: float) -> None:
        self.store = store
        self.bot = bot
        self.interval_seconds = interval_seconds
        self._not_before: dict[int, float] = {}
        self._failures: dict[int, int] = {}

    async def push_pending(self) -> int:
        sent, now = 0, time.monotonic()
        for push, chat_id in await asyncio.to_thread(self.store.pending, PUSH_BATCH):
            if self._not_before.get(push.question_id, 0.0) > now:
                continue
            text = render_in(
                push.language,
                "utter_followup_pushed_question",
                reference=push.reference,
                question=push.question,
            )
            await asyncio.to_thread(self.store.mark_sending, push)
            try:
                message = await self.bot.send_message(chat_id=chat_id, text=text["text"])
            except TelegramError as error:
                await asyncio.to_thread(self.store.mark_unsent, push)
                log.warning(
                    "question %s not delivered (%s); will retry", push.question_id, type(error).__name__
                )
                failures = self._failures[push.question_id] = self._failures.get(push.question_id, 0) + 1
                wait = min(self.interval_seconds * 2**failures, MAX_BACKOFF_SECONDS)
                self._not_before[push.question_id] = now + wait
                continue
            self._not_before.pop(push.question_id, None)
            self._failures.pop(push.question_id, None)
            await asyncio.to_thread(self.store.mark_pushed, push, message.message_id)
            sent += 1
        return sent

    async def run(self) -> None:
        await every(self.interval_seconds, self.push_pending, "question", log)
