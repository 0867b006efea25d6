"""Sign-in, sessions and CSRF under aiohttp's test client (the served HTTP tests cover the rest)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select, update

from dashboard.app import create_app
from dashboard.auth import COOKIE
from servator.accounts import add_officer
from servator.settings import Settings
from servator.storage import AuditEntry, OfficerSession, ensure_schema, make_session_factory
from servator.storage.models import utcnow

PASSWORD = "a long enough passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
async def client(tmp_path) -> AsyncIterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'dash.db'}"
    ensure_schema(url)
    sessions = make_session_factory(url)
    with sessions() as session:
        add_officer(session, "pc.one", PASSWORD)
        session.commit()
    settings = Settings({"DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS": "3", "DASHBOARD_IDLE_MINUTES": "5"})
    test_client = TestClient(TestServer(create_app(settings, sessions)))
    await test_client.start_server()
    yield test_client
    await test_client.close()
    sessions.kw["bind"].dispose()


async def sign_in(client: TestClient, username: str, password: str, **headers: str):
    page = await (await client.get("/login")).text()
    token = CSRF.search(page).group(1)
    return await client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        allow_redirects=False,
        headers=headers,
    )


def factory(client: TestClient):
    from dashboard.keys import SESSION_FACTORY

    return client.app[SESSION_FACTORY]


async def test_signing_in_rotates_the_session_and_signing_out_ends_it(client):
    first = await sign_in(client, "pc.one", PASSWORD)
    assert first.status == 303 and first.headers["Location"] == "/"
    cookie = first.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and not cookie["secure"]
    old = cookie.value
    second = await sign_in(client, "pc.one", PASSWORD)
    assert second.cookies[COOKIE].value != old
    with factory(client)() as session:
        assert session.execute(select(OfficerSession)).scalars().all().__len__() == 1, "the old one ended"
    page = await (await client.get("/")).text()
    out = await client.post("/logout", data={"csrf_token": CSRF.search(page).group(1)}, allow_redirects=False)
    assert out.status == 303 and out.headers["Location"] == "/login"
    after = await client.get("/", allow_redirects=False)
    assert after.status == 303 and after.headers["Location"] == "/login"
    with factory(client)() as session:
        actions = session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars().all()
    assert actions == ["sign_in", "sign_in", "view_queue", "sign_out"]


async def test_the_cookie_is_secure_behind_an_https_proxy(client):
    response = await sign_in(client, "pc.one", PASSWORD, **{"X-Forwarded-Proto": "https"})
    assert response.cookies[COOKIE]["secure"]


async def test_an_idle_session_is_signed_out(client):
    await sign_in(client, "pc.one", PASSWORD)
    assert (await client.get("/", allow_redirects=False)).status == 200
    with factory(client)() as session:
        session.execute(update(OfficerSession).values(last_seen_at=utcnow() - timedelta(minutes=6)))
        session.commit()
    response = await client.get("/api/queue")
    assert response.status == 401 and await response.json() == {"error": "sign in first"}
    with factory(client)() as session:
        assert session.execute(select(OfficerSession)).first() is None, "the idle session was deleted"


async def test_signing_in_deletes_sessions_nobody_came_back_to(client):
    await sign_in(client, "pc.one", PASSWORD)
    with factory(client)() as session:
        session.execute(update(OfficerSession).values(last_seen_at=utcnow() - timedelta(minutes=6)))
        session.commit()
    client.session.cookie_jar.clear()  # another browser: the old session is not ended by its own cookie
    await sign_in(client, "pc.one", PASSWORD)
    with factory(client)() as session:
        assert len(session.execute(select(OfficerSession)).all()) == 1


async def test_a_post_without_the_csrf_token_is_refused(client):
    await sign_in(client, "pc.one", PASSWORD)
    response = await client.post("/logout", data={}, allow_redirects=False)
    assert response.status == 403
    assert "That form has expired" in await response.text()


async def test_too_many_failures_from_one_address_lock_every_name_from_it(client):
    for name in ("pc.a", "pc.b", "pc.c"):
        assert (await sign_in(client, name, "wrong wrong wrong")).status == 401
    locked = await sign_in(client, "pc.one", PASSWORD)
    assert locked.status == 429 and "Too many failed sign-ins" in await locked.text()


async def test_next_only_leads_to_a_path_on_this_site(client):
    page = await (await client.get("/login?next=//evil.example/x")).text()
    assert 'name="next" value="/"' in page
    page = await (await client.get("/login?next=/reports/SRV-20260101-ABCDEF")).text()
    assert 'name="next" value="/reports/SRV-20260101-ABCDEF"' in page
