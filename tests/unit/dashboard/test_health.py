"""`/healthz` answers without a session: 200 while the report database answers, else 503."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from dashboard.app import create_app
from servator.config.settings import Settings
from servator.storage import make_session_factory
from tests.support.dashboard_app import SETTINGS
from tests.support.storage_helpers import UNREACHABLE_POSTGRES


async def test_healthy_while_the_database_answers(client):
    response = await client.get("/healthz")
    assert response.status == 200 and await response.json() == {"status": "ok", "database": True}
    assert (await client.get("/favicon.ico")).status == 204


async def test_unavailable_when_the_database_does_not_answer():
    sessions = make_session_factory(UNREACHABLE_POSTGRES)
    async with TestClient(TestServer(create_app(Settings(SETTINGS), sessions))) as down:
        response = await down.get("/healthz")
        assert response.status == 503
        assert await response.json() == {"status": "unavailable", "database": False}
    sessions.kw["bind"].dispose()
