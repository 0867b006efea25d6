"""`/login`: after signing in, `next` leads only to a page of this site."""

from __future__ import annotations

import pytest

from tests.support.dashboard_app import PASSWORD, sign_in


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
