"""The web chat app under aiohttp's test client, and a chat helper."""

from __future__ import annotations

import socket
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from web.server import create_app

SESSION = "0123456789abcdef0123456789abcdef"


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


async def chat(client: TestClient, message: Any, session: Any = SESSION) -> Any:
    response = await client.post("/api/message", json={"session": session, "message": message})
    assert response.status == 200
    return await response.json()
