"""The webhook server queues each Telegram update once, and only when it carries the secret."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest
from aiohttp.test_utils import TestClient, TestServer
from telegram import Bot, Update

from bot.webhook import SECRET_HEADER, RecentIds, WebhookServer
from tests.support.bot_api_stub import TOKEN

SECRET = "webhook-secret"


def update(update_id: int) -> dict[str, object]:
    chat = {"id": 7, "type": "private"}
    return {
        "update_id": update_id,
        "message": {"message_id": 1, "date": 0, "chat": chat, "text": "hello"},
    }


@pytest.fixture
async def queued() -> AsyncIterator[tuple[TestClient, asyncio.Queue[Update]]]:
    queue: asyncio.Queue[Update] = asyncio.Queue()
    application = SimpleNamespace(bot=Bot(TOKEN), update_queue=queue)
    server = WebhookServer(application, SECRET, "127.0.0.1", 0, "/tg", max_body_bytes=4096)  # type: ignore[arg-type]  # a stand-in Application
    client = TestClient(TestServer(server.web_app()))
    await client.start_server()
    yield client, queue
    await client.close()


async def test_an_update_with_the_secret_is_queued_once_however_often_it_comes(queued):
    client, queue = queued
    for _ in range(2):
        response = await client.post("/tg", json=update(41), headers={SECRET_HEADER: SECRET})
        assert response.status == 200
    assert queue.qsize() == 1
    assert queue.get_nowait().message.text == "hello"


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "guessed"}])
async def test_an_update_without_the_secret_is_refused_and_not_queued(queued, headers):
    client, queue = queued
    response = await client.post("/tg", json=update(42), headers=headers)
    assert response.status == 403 and queue.empty()


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"not json", 400), (json.dumps({"no": "update_id"}).encode(), 400), (b"[" + b" " * 5000 + b"]", 413)],
)
async def test_a_body_that_is_no_update_or_too_big_is_refused(queued, body, status):
    client, queue = queued
    response = await client.post("/tg", data=body, headers={SECRET_HEADER: SECRET})
    assert response.status == status and queue.empty()


def test_recent_ids_forget_the_oldest_past_their_capacity():
    recent = RecentIds(capacity=2)
    assert recent.add(1) and recent.add(2) and not recent.add(1)
    assert recent.add(3), "2 is now the oldest and is forgotten"
    assert recent.add(2) and not recent.add(3)
