"""The web chat app under aiohttp's test client, and a chat helper."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from servator.config.settings import Settings
from web.server import create_app

SESSION = "0123456789abcdef0123456789abcdef"
OTHER_SESSION = "fedcba9876543210fedcba9876543210"


def closed_port_url() -> str:
    """A URL where nothing listens: a port the OS just gave us and we released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def client_for(rasa_url: str, **options: Any) -> TestClient:
    client = TestClient(TestServer(create_app(rasa_url, 2000, **options)))
    await client.start_server()
    return client


def own_origin(client: TestClient) -> str:
    """The Origin a browser sends with the page's own fetch: the chat server's scheme://host:port."""
    return str(client.make_url("/")).rstrip("/")


async def chat(client: TestClient, message: Any, session: Any = SESSION) -> Any:
    response = await client.post(
        "/api/message", json={"session": session, "message": message}, headers={"Origin": own_origin(client)}
    )
    assert response.status == 200
    return await response.json()


class FakeRasa:
    """A stand-in REST channel that records what it was sent and answers as told."""

    def __init__(self, replies: Any = None, status: int = 200, delay: float = 0.0) -> None:
        self.received: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.replies, self.status, self.delay = replies or [], status, delay
        self.url = ""  # set by start()

    async def webhook(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        self.headers.append(dict(request.headers))
        await asyncio.sleep(self.delay)
        return web.json_response(self.replies, status=self.status)

    async def start(self) -> TestServer:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        server = TestServer(app)
        await server.start_server()
        self.url = str(server.make_url("")).rstrip("/")
        return server


def chat_settings(**env: str) -> Settings:
    """The web chat's settings with a fixed sender-hash key and the variables given."""
    return Settings.from_env({"SENDER_HASH_KEY": "test-key", **env})


async def client_with(rasa: FakeRasa, **env: str) -> TestClient:
    """The web chat relaying to a started FakeRasa, with the settings' variables given."""
    return await client_for(rasa.url, settings=chat_settings(**env))


async def post(
    chat: TestClient, message: str = "hello", session: str = SESSION, **headers: str
) -> tuple[int, dict[str, Any]]:
    """POST one message with the chat's own Origin (headers may change it); (status, JSON body)."""
    sent = {"Origin": own_origin(chat), "Content-Type": "application/json", **headers}
    response = await chat.post(
        "/api/message", data=f'{{"session": "{session}", "message": "{message}"}}', headers=sent
    )
    return response.status, await response.json()
