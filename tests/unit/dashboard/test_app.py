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
