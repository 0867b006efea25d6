"""Telegram photos and image documents: downloaded through the Bot API as soon as they arrive, in memory,
and handed to the one photo pipeline (servator/photos).

The file is fetched with `getFile` and then from the file URL ptb builds with its `base_file_url`
(TELEGRAM_API_FILE_URL). A size Telegram declares over the limit is refused before anything is
downloaded; the download itself stops at the limit whatever was declared. The URL holds the bot
token, so it is never logged (httpx's request lines are off, bot/__main__.py).
"""

from __future__ import annotations

import logging

import httpx
from telegram import Bot, Message
from telegram.error import TelegramError

from servator.photos.intake import PhotoIntake, refusal
from servator.photos.limits import MAX_PHOTO_BYTES

log = logging.getLogger(__name__)
DOWNLOAD_TIMEOUT_SECONDS = 30.0


class TooLarge(Exception):
    """More than MAX_PHOTO_BYTES came, or were declared."""


def file_of(message: Message) -> tuple[str, int | None] | None:
    """(file id, declared size) of the message's photo (its largest size) or document, or None."""
    if message.photo:
        largest = max(message.photo, key=lambda size: (size.width * size.height, size.file_size or 0))
        return largest.file_id, largest.file_size
    if message.document is not None:
        return message.document.file_id, message.document.file_size
    return None


async def download(bot: Bot, http: httpx.AsyncClient, file_id: str, declared: int | None) -> bytes:
    """The file's bytes; TooLarge past the limit, TelegramError or httpx.HTTPError when it cannot be had."""
    if declared is not None and declared > MAX_PHOTO_BYTES:
        raise TooLarge
    telegram_file = await bot.get_file(file_id)
    if telegram_file.file_size is not None and telegram_file.file_size > MAX_PHOTO_BYTES:
        raise TooLarge
    if not telegram_file.file_path:
        raise httpx.InvalidURL("no file path")
    chunks: list[bytes] = []
    size = 0
    async with http.stream("GET", telegram_file.file_path) as response:
        response.raise_for_status()
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_PHOTO_BYTES:
                raise TooLarge
            chunks.append(chunk)
    return b"".join(chunks)


async def message_for_rasa(
    bot: Bot, http: httpx.AsyncClient, intake: PhotoIntake, message: Message, sender: str
) -> str:
    """What Rasa gets for this photo or document: the stored photo's id, or why it was refused."""
    found = file_of(message)
    if found is None:
        return refusal("not_received")
    try:
        data = await download(bot, http, *found)
    except TooLarge:
        return refusal("too_large")
    except (TelegramError, httpx.HTTPError) as error:
        log.warning("photo not downloaded (%s)", type(error).__name__)
        return refusal("not_received")
    return await intake.receive(data, sender)
