"""Signed-in sessions: a new one at each sign-in, ended by signing out, by idling, or by their
absolute lifetime; the queue's own refresh does not keep one alive."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from dashboard.auth import COOKIE
from servator.storage import AuditEntry, OfficerSession
from servator.storage.models import utcnow
from tests.support.dashboard_app import PASSWORD, age_everything, csrf_of, factory, sign_in


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
    out = await client.post("/logout", data={"csrf_token": csrf_of(page)}, allow_redirects=False)
    assert out.status == 303 and out.headers["Location"] == "/login"
    after = await client.get("/", allow_redirects=False)
    assert after.status == 303 and after.headers["Location"] == "/login"
    with factory(client)() as session:
        actions = session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars().all()
    assert actions == ["sign_in", "sign_in", "view_queue", "sign_out"]


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
