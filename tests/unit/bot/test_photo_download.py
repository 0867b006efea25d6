"""Telegram photos are downloaded in memory: the largest size, never past the size limit, and a
failed download is told to Rasa as "not received"."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from telegram import Chat, Document, Message, PhotoSize
from telegram.error import NetworkError

from bot import photo_download
from bot.photo_download import TooLarge, download, file_of, message_for_rasa
from servator.photos.intake import refusal

LIMIT = 100


class FakeBot:
    """getFile answers with a file path (or fails); records the ids asked for."""

    def __init__(self, size: int | None = None, fail: bool = False) -> None:
        self.size, self.fail = size, fail
        self.asked: list[str] = []

    async def get_file(self, file_id: str) -> Any:
        self.asked.append(file_id)
        if self.fail:
            raise NetworkError("Telegram is unreachable")
        return SimpleNamespace(file_size=self.size, file_path=f"https://files.test/{file_id}")


def files(body: bytes) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(200, content=body)))


def message(**content: Any) -> Message:
    return Message(1, None, Chat(7, "private"), **content)  # type: ignore[arg-type]  # no date needed here


@pytest.fixture(autouse=True)
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photo_download, "MAX_PHOTO_BYTES", LIMIT)


def test_the_largest_size_of_a_photo_or_the_document_is_fetched():
    sizes = (PhotoSize("small", "u1", 90, 90, 10), PhotoSize("large", "u2", 1280, 960, 90))
    assert file_of(message(photo=sizes)) == ("large", 90)
    assert file_of(message(document=Document("doc", "u3", file_size=50))) == ("doc", 50)
    assert file_of(message(text="hello")) is None


async def test_a_file_within_the_limit_is_downloaded_whole():
    async with files(b"x" * LIMIT) as http:
        assert await download(FakeBot(size=LIMIT), http, "photo", LIMIT) == b"x" * LIMIT


async def test_a_file_declared_too_large_is_refused_before_asking_telegram():
    bot = FakeBot()
    async with files(b"") as http:
        with pytest.raises(TooLarge):
            await download(bot, http, "photo", LIMIT + 1)
    assert bot.asked == []


async def test_a_download_stops_at_the_limit_whatever_was_declared():
    async with files(b"x" * (LIMIT + 1)) as http:
        with pytest.raises(TooLarge):
            await download(FakeBot(size=None), http, "photo", None)


async def test_rasa_is_told_why_a_photo_was_not_kept():
    photo = message(photo=(PhotoSize("large", "u2", 1280, 960, 90),))
    intake: Any = None  # never reached: nothing was downloaded
    async with files(b"") as http:
        assert await message_for_rasa(FakeBot(fail=True), http, intake, photo, "s") == refusal("not_received")
        assert await message_for_rasa(FakeBot(size=LIMIT + 1), http, intake, photo, "s") == refusal(
            "too_large"
        )
        assert await message_for_rasa(FakeBot(), http, intake, message(text="hi"), "s") == refusal(
            "not_received"
        )
