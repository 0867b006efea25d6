"""The stand-in Rasa the web chat tests relay to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.webchat import FakeRasa


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    """A started FakeRasa that answers "Hello" and records what reached it."""
    fake = FakeRasa(replies=[{"recipient_id": "x", "text": "Hello"}])
    server = await fake.start()
    yield fake
    await server.close()
