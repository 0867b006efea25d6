"""Sign-in, sessions and CSRF under aiohttp's test client (the served HTTP tests cover the rest)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select, update

from dashboard.app import create_app
from dashboard.auth import COOKIE
from servator.config.settings import Settings
from servator.storage import AuditEntry, OfficerSession, SignInFailure, ensure_schema, make_session_factory
from servator.storage.accounts import add_officer
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
    settings = Settings(
        {
            "DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS": "8",
            "DASHBOARD_IDLE_MINUTES": "5",
            "DASHBOARD_SESSION_HOURS": "12",
            "TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    test_client = TestClient(TestServer(create_app(settings, sessions)))
    await test_client.start_server()
    yield test_client
    await test_client.close()
    sessions.kw["bind"].dispose()


async def sign_in(client: TestClient, username: str, password: str, next_page: str = "/", **headers: str):
    page = await (await client.get("/login")).text()
    token = CSRF.search(page).group(1)
    return await client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token, "next": next_page},
        allow_redirects=False,
        headers=headers,
    )


def from_address(address: str) -> dict[str, str]:
    """The headers the trusted proxy (127.0.0.1 in these tests) adds for a client at `address`."""
    return {"X-Forwarded-For": address}


def age_everything(client: TestClient, table, column, by: timedelta) -> None:
    with factory(client)() as session:
        for row in session.execute(select(table)).scalars():
            setattr(row, column, getattr(row, column) - by)
        session.commit()


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


async def test_too_many_failures_from_one_address_make_every_name_from_it_wait(client):
    for letter in "abcdefgh":
        assert (await sign_in(client, f"pc.{letter}", "wrong wrong wrong")).status == 401
    waiting = await sign_in(client, "pc.one", PASSWORD)
    assert waiting.status == 429 and re.search(r"Please wait about 15 seconds", await waiting.text())
    elsewhere = await sign_in(client, "pc.one", PASSWORD, **from_address("203.0.113.9"))
    assert elsewhere.status == 303, "behind the proxy, another address is not slowed down"


async def test_guessing_a_password_never_locks_the_officer_out_from_their_own_address(client):
    for _ in range(5):
        assert (await sign_in(client, "pc.one", "wrong wrong", **from_address("198.51.100.7"))).status == 401
    guessing = await sign_in(client, "pc.one", "wrong again", **from_address("198.51.100.7"))
    assert guessing.status == 429, "the sixth guess from that address waits"
    own = await sign_in(client, "pc.one", PASSWORD, **from_address("192.0.2.10"))
    assert own.status == 303, "the officer, at their own address, signs in at once"


async def test_waits_grow_and_end_and_a_refused_attempt_is_not_counted(client):
    for _ in range(6):
        await sign_in(client, "pc.one", "wrong wrong", **from_address("198.51.100.7"))
        age_everything(client, SignInFailure, "at", timedelta(seconds=20))
    refused = await sign_in(client, "pc.one", PASSWORD, **from_address("198.51.100.7"))
    assert "Please wait about" in await refused.text()
    with factory(client)() as session:
        assert len(session.execute(select(SignInFailure)).all()) == 6, "the refused attempt left no row"
    age_everything(client, SignInFailure, "at", timedelta(seconds=40))
    later = await sign_in(client, "pc.one", PASSWORD, **from_address("198.51.100.7"))
    assert later.status == 303, "after the wait the right password works"
    with factory(client)() as session:
        assert session.execute(select(SignInFailure)).first() is None


async def test_attempts_arriving_together_are_all_counted(client):
    headers = from_address("198.51.100.8")
    answers = await asyncio.gather(*(sign_in(client, "pc.one", "wrong wrong", **headers) for _ in range(12)))
    checked = [answer.status for answer in answers].count(401)
    assert 1 <= checked <= 5, f"{checked} passwords were checked, more than the limit of 5"


async def test_a_failed_sign_in_keeps_no_typed_username(client):
    await sign_in(client, "my secret passphrase", "wrong wrong")
    await sign_in(client, "PC.Someone", "wrong wrong")
    with factory(client)() as session:
        rows = session.execute(select(SignInFailure.username_hash, SignInFailure.address_hash)).all()
    assert len(rows) == 2
    kept = " ".join(" ".join(row) for row in rows).lower()
    assert "secret" not in kept and "someone" not in kept and "127.0.0.1" not in kept


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "/\t/evil.example/",
        "/\\evil.example",
        "/\\/evil.example",
        "https://evil.example/",
        "/\u2028/evil.example",
        "/\x7f/evil.example",
        "/..//evil.example",
        "/ /evil.example",
    ],
)
async def test_next_only_leads_to_a_path_on_this_site(client, target):
    page = await (await client.get("/login", params={"next": target})).text()
    assert 'name="next" value="/"' in page
    response = await sign_in(client, "pc.one", PASSWORD, next_page=target)
    assert response.headers["Location"] == "/"


async def test_next_keeps_a_page_of_this_site(client):
    page = await (await client.get("/login?next=/reports/SRV-20260101-ABCDEF")).text()
    assert 'name="next" value="/reports/SRV-20260101-ABCDEF"' in page
    response = await sign_in(client, "pc.one", PASSWORD, next_page="/?status=new&page=2")
    assert response.headers["Location"] == "/?status=new&page=2"


async def test_a_session_ends_after_its_absolute_lifetime_however_used(client):
    await sign_in(client, "pc.one", PASSWORD)
    age_everything(client, OfficerSession, "created_at", timedelta(hours=11, minutes=59))
    assert (await client.get("/", allow_redirects=False)).status == 200
    age_everything(client, OfficerSession, "created_at", timedelta(minutes=2))
    assert (await client.get("/api/queue")).status == 401


async def test_the_queue_refreshing_itself_does_not_keep_a_session_alive(client):
    await sign_in(client, "pc.one", PASSWORD)
    poll = {"X-Servator-Background": "poll"}
    age_everything(client, OfficerSession, "last_seen_at", timedelta(minutes=4))
    assert (await client.get("/api/queue", headers=poll)).status == 200
    age_everything(client, OfficerSession, "last_seen_at", timedelta(minutes=2))
    assert (await client.get("/api/queue", headers=poll)).status == 401, "idle for 6 minutes, polls aside"


@pytest.mark.parametrize(
    "body,content_type",
    [
        (b"", "multipart/form-data; boundary=xyz"),
        (b"", "multipart/form-data"),
        (b"username=\xff\xfe", "application/x-www-form-urlencoded"),
    ],
    ids=["no starting boundary", "no boundary", "not utf-8"],
)
async def test_an_unreadable_form_is_a_bad_request_signed_in_or_not(client, body, content_type):
    response = await client.post("/login", data=body, headers={"Content-Type": content_type})
    assert response.status == 400 and "could not be understood" in await response.text()
    await sign_in(client, "pc.one", PASSWORD)
    page = await (await client.get("/")).text()
    response = await client.post(
        "/reports/SRV-20260101-ABCDEF/notes",
        data=body,
        headers={"Content-Type": content_type, "X-CSRF-Token": CSRF.search(page).group(1)},
    )
    assert response.status == 400
