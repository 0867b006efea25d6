"""The bot shows Rasa its front-end token only with a shared location or photo."""

from __future__ import annotations

import json

import httpx

from bot.rasa_client import RasaClient
from servator.config.constants import FRONT_END_HEADER


async def test_the_token_goes_with_attachments_only():
    seen: list[tuple[str, str | None]] = []

    def rasa(request: httpx.Request) -> httpx.Response:
        seen.append((json.loads(request.content)["message"], request.headers.get(FRONT_END_HEADER)))
        return httpx.Response(200, json=[])

    client = RasaClient("http://rasa.invalid", front_end_token="front-token")
    client._client = httpx.AsyncClient(base_url="http://rasa.invalid", transport=httpx.MockTransport(rasa))
    await client.send(1, '/share_photo{"photo": "AgAC"}')  # typed: no token
    await client.send(1, '/share_photo{"photo": "AgAC"}', attachment=True)
    await client.aclose()
    assert seen == [('/share_photo{"photo": "AgAC"}', None), ('/share_photo{"photo": "AgAC"}', "front-token")]
