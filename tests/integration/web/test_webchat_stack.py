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


def _texts(body: dict) -> str:
    return "\n".join(reply["text"] for reply in body["replies"])


@pytest.mark.rasa
async def test_typed_payloads_are_text_and_forget_deletes_the_conversation(stack):
    import sqlalchemy as sa

    from servator.config.settings import sender_hash
    from tests.support.webchat import SESSION

    client = await client_for(stack.rasa_url)
    try:
        assert "What did you see" in _texts(await chat(client, "/report_suspicious"))
        assert "Where" in _texts(await chat(client, "a man filming the cctv cameras at the gate"))
        typed = await chat(client, '/share_photo{"photo":"=HYPERLINK(1)"}')
        assert "attached your photo" not in _texts(typed)
        forgotten = _texts(await chat(client, "/forget"))
    finally:
        await client.close()
    assert "deleted this conversation" in forgotten and "999" in forgotten
    engine = sa.create_engine(stack.database_url, future=True)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT count(*) FROM events WHERE sender_id = :s")
            assert connection.execute(query, {"s": sender_hash("web:" + SESSION)}).scalar() == 0
    finally:
        engine.dispose()
