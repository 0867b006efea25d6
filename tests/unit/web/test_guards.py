"""What the web chat checks before relaying: same-origin JSON only, and the address a limit counts
is the peer's unless a trusted proxy forwards it.

aiohttp's test client against the real app, with a stand-in Rasa that records what reached it.
"""

from __future__ import annotations

import pytest

from tests.support.webchat import OTHER_SESSION, SESSION, client_with, post
from web.guards import is_loopback


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example", "http://127.0.0.1:1", "null", ""],
    ids=["other site", "other port", "opaque", "none"],
)
async def test_a_post_from_another_origin_is_refused_and_relays_nothing(rasa, origin):
    chat = await client_with(rasa)
    try:
        headers = {"Origin": origin} if origin else {}
        response = await chat.post(
            "/api/message",
            json={"session": SESSION, "message": "forged"},
            headers={"Content-Type": "application/json", **headers},
        )
        if not origin:  # aiohttp's client adds no Origin of its own
            assert "Origin" not in response.request_info.headers
        assert response.status == 403 and "origin" in (await response.json())["error"].lower()
    finally:
        await chat.close()
    assert rasa.received == []


async def test_a_form_post_that_is_not_json_is_refused(rasa):
    chat = await client_with(rasa)
    try:
        status, body = await post(chat, **{"Content-Type": "text/plain"})
    finally:
        await chat.close()
    assert status == 415 and "application/json" in body["error"]
    assert rasa.received == []


async def test_a_non_loopback_host_needs_to_be_listed(rasa):
    """DNS rebinding: a hostile name pointing at 127.0.0.1 makes Origin and Host agree; it is still refused."""
    chat = await client_with(rasa)
    try:
        status, _ = await post(chat, Origin="http://rebind.example:8080", Host="rebind.example:8080")
    finally:
        await chat.close()
    assert status == 403 and rasa.received == []
    listed = await client_with(rasa, WEBCHAT_ORIGINS="https://chat.police.example")
    try:
        status, body = await post(listed, Origin="https://chat.police.example", Host="chat.police.example")
    finally:
        await listed.close()
    assert status == 200 and body["replies"][0]["text"] == "Hello"


async def test_forwarded_for_counts_only_through_a_trusted_proxy(rasa):
    # Untrusted peer: a made-up X-Forwarded-For does not get a fresh allowance.
    chat = await client_with(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="1")
    try:
        first = await post(chat, session=SESSION, **{"X-Forwarded-For": "203.0.113.1"})
        spoofed = await post(chat, session=OTHER_SESSION, **{"X-Forwarded-For": "203.0.113.2"})
    finally:
        await chat.close()
    assert (first[0], spoofed[0]) == (200, 429)
    # Behind a trusted proxy, two people are two addresses.
    proxied = await client_with(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="1", TRUSTED_PROXIES="127.0.0.1")
    try:
        one = await post(proxied, session=SESSION, **{"X-Forwarded-For": "203.0.113.1"})
        two = await post(proxied, session=OTHER_SESSION, **{"X-Forwarded-For": "203.0.113.2"})
        again = await post(proxied, session=f"{7:032x}", **{"X-Forwarded-For": "203.0.113.1"})
    finally:
        await proxied.close()
    assert (one[0], two[0], again[0]) == (200, 200, 429)


def test_only_loopback_names_count_as_the_chat_s_own_host():
    assert is_loopback("127.0.0.1") and is_loopback("[::1]") and is_loopback("LOCALHOST")
    assert not is_loopback("rebind.example") and not is_loopback("10.0.0.1") and not is_loopback("")
