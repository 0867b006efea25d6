"""Who is signed in: every page but the public ones needs a session, the cookie is secure behind
an HTTPS proxy, and a form posted without its CSRF token is refused."""

from __future__ import annotations

from dashboard.auth import COOKIE
from tests.support.dashboard_app import PASSWORD, sign_in


async def test_the_cookie_is_secure_behind_an_https_proxy(client):
    response = await sign_in(client, "pc.one", PASSWORD, **{"X-Forwarded-Proto": "https"})
    assert response.cookies[COOKIE]["secure"]


async def test_a_post_without_the_csrf_token_is_refused(client):
    await sign_in(client, "pc.one", PASSWORD)
    response = await client.post("/logout", data={}, allow_redirects=False)
    assert response.status == 403
    assert "That form has expired" in await response.text()


async def test_a_stranger_is_sent_to_sign_in_and_back_while_data_is_refused(client):
    page = await client.get("/reports/SRV-20260101-ABCDEF", allow_redirects=False)
    assert page.status == 303 and page.headers["Location"] == "/login?next=/reports/SRV-20260101-ABCDEF"
    data = await client.get("/api/queue")
    assert data.status == 401 and await data.json() == {"error": "sign in first"}
    posted = await client.post(
        "/reports/SRV-20260101-ABCDEF/notes", data={"note": "x"}, allow_redirects=False
    )
    assert posted.status == 303 and posted.headers["Location"].startswith("/login")
    assert (await client.get("/login")).status == 200 and (await client.get("/healthz")).status == 200
