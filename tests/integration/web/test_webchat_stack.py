"""The web chat server relaying to the real stack with the trained model."""

from __future__ import annotations

import pytest

from tests.support.webchat import chat, client_for


@pytest.mark.rasa
async def test_relays_to_the_real_stack(stack):
    client = await client_for(stack.rasa_url)
    try:
        body = await chat(client, "hello")
    finally:
        await client.close()
    assert "Project Servator" in body["replies"][0]["text"]
    titles = [button["title"] for reply in body["replies"] for button in reply["buttons"]]
    assert "What is Project Servator?" in titles
