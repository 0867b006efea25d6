"""The dashboard application: a form it cannot read is a 400 before anything reads it."""

from __future__ import annotations

import pytest

from tests.support.dashboard_app import PASSWORD, csrf_of, sign_in


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
        headers={"Content-Type": content_type, "X-CSRF-Token": csrf_of(page)},
    )
    assert response.status == 400


async def test_every_page_says_not_to_cache_or_frame_it_and_errors_are_polite_pages(officer):
    queue = await officer.get("/")
    assert queue.headers["Cache-Control"] == "no-store" and queue.headers["X-Frame-Options"] == "DENY"
    assert "default-src" in queue.headers["Content-Security-Policy"]
    assert queue.headers["Referrer-Policy"] == "no-referrer", "links out of a report never carry its address"
    missing = await officer.get("/no-such-page")
    assert missing.status == 404 and missing.content_type == "text/html"
    text = await missing.text()
    assert "There is nothing here" in text and "Sign out" in text, "in the dashboard's own layout"
