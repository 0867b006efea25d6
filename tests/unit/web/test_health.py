"""The web chat's /healthz (readiness JSON) and /metrics, against a stand-in Rasa and real storage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from servator.storage import LocalOutbox, ensure_schema, make_session_factory, store_draft
from tests.support.storage_helpers import full_draft, sqlite_url
from tests.support.webchat import chat, client_for, closed_port_url


@pytest.fixture
async def rasa_url() -> AsyncIterator[str]:
    """A stand-in Rasa that answers its root URL (what the readiness check asks)."""
    app = web.Application()
    app.router.add_get("/", lambda request: web.Response(text="Hello from Rasa: 3.6.21"))
    server = TestServer(app)
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path)
    ensure_schema(url)
    store_draft(full_draft("waiting"), make_session_factory(url), ["-100"])
    return url


async def _client(rasa: str, database_url: str | None, outbox: Path) -> TestClient:
    return await client_for(rasa, database_url=database_url, outbox_dir=str(outbox))


async def test_ready_with_reports_waiting_is_degraded(rasa_url, database, tmp_path):
    LocalOutbox(tmp_path / "outbox").put(full_draft("queued"))
    client = await _client(rasa_url, database, tmp_path / "outbox")
    try:
        response = await client.get("/healthz")
        body = await response.json()
    finally:
        await client.close()
    assert response.status == 200 and response.headers["Cache-Control"] == "no-store"
    assert body["status"] == "degraded" and body["ready"] is True
    assert body["rasa"] == {"reachable": True} and body["database"] == {"reachable": True}
    assert body["outbox"]["size"] == 1 and body["outbox"]["set_aside"] == 0
    assert 0 <= body["outbox"]["oldest_age_seconds"] < 60
    assert body["notifications"]["backlog"] == 1 and body["notifications"]["oldest_age_seconds"] < 60
    assert "a man filming" not in str(body)


async def test_all_well_is_ok(rasa_url, database, tmp_path):
    client = await _client(rasa_url, database, tmp_path / "empty-outbox")
    try:
        body = await (await client.get("/healthz")).json()
    finally:
        await client.close()
    assert body["status"] == "ok" and body["outbox"] == {
        "size": 0,
        "oldest_age_seconds": None,
        "set_aside": 0,
    }


async def test_a_dead_database_or_rasa_is_not_ready(rasa_url, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    for rasa, database_url in ((rasa_url, f"sqlite:///{blocker / 'x.db'}"), (closed_port_url(), None)):
        client = await _client(rasa, database_url, tmp_path / "outbox")
        try:
            response = await client.get("/healthz")
            body = await response.json()
        finally:
            await client.close()
        assert response.status == 503 and body["ready"] is False and body["status"] == "unavailable"
    assert body["rasa"]["reachable"] is False


async def test_metrics_count_messages_and_show_the_state(rasa_url, database, tmp_path):
    LocalOutbox(tmp_path / "outbox").put(full_draft("queued"))
    client = await _client(rasa_url, database, tmp_path / "outbox")
    try:
        before = await (await client.get("/metrics")).text()
        await chat(client, "hello")
        response = await client.get("/metrics")
        text = await response.text()
    finally:
        await client.close()
    assert response.status == 200 and response.content_type == "text/plain"
    assert _value(text, 'servator_webchat_messages_total{outcome="unavailable"}') == (
        _value(before, 'servator_webchat_messages_total{outcome="unavailable"}') + 1
    )
    assert _value(text, "servator_outbox_reports") == 1 and _value(text, "servator_notification_backlog") == 1
    assert _value(text, "servator_database_up") == 1 and "servator_webchat_relay_seconds_bucket" in text


def _value(exposition: str, name: str) -> float:
    for line in exposition.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    return 0.0
