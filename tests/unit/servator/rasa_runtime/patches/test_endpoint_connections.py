"""Calls to the action server reuse kept-alive connections, with Rasa's headers and error handling."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from servator.rasa_runtime.patches import endpoint_connections


async def _serve(client_ports: list[int]) -> web.AppRunner:
    async def webhook(request: web.Request) -> web.Response:
        client_ports.append(request.transport.get_extra_info("peername")[1])
        if request.query.get("fail"):
            return web.json_response({"error": "no"}, status=500)
        return web.json_response({"token": request.query.get("token"), "auth": request.headers.get("X-A")})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner


def test_calls_share_one_connection_and_keep_rasas_behaviour(monkeypatch: pytest.MonkeyPatch):
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig

    monkeypatch.setattr(EndpointConfig, "session", endpoint_connections.shared_session)

    async def run() -> None:
        ports: list[int] = []
        runner = await _serve(ports)
        port = runner.addresses[0][1]
        try:
            endpoint = EndpointConfig(
                url=f"http://127.0.0.1:{port}/webhook", token="secret", headers={"X-A": "b"}
            )
            answers = [await endpoint.request(json={"n": n}) for n in range(3)]
            assert answers == [{"token": "secret", "auth": "b"}] * 3
            assert len(set(ports)) == 1, "every call made a new connection"
            with pytest.raises(ClientResponseError):
                await endpoint.request(json={}, params={"fail": "1"})
            assert await endpoint.request(json={}) == {"token": "secret", "auth": "b"}
            await endpoint.__dict__["_servator_session"].close()
        finally:
            await runner.cleanup()

    asyncio.run(run())
