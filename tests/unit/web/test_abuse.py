"""The web chat cannot be abused: same-origin JSON only, rate limits that still give 999 and the hotline.

aiohttp's test client against the real app, with a stand-in Rasa that records what reached it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from servator.config.contacts import template_values
from servator.config.settings import Settings
from servator.http.headers import security_headers
from tests.support.webchat import SESSION, FakeRasa, client_for, own_origin
from web.limits import HOUR, SlidingWindow

CONTACTS = template_values()
OTHER_SESSION = "fedcba9876543210fedcba9876543210"
REPORT_REPLY = {
    "text": "Thank you. Your report has been saved and passed to officers. Your reference is SRV-20261125-ABCDEF.\n"
    "Your follow-up code is 7K3M-Q9XD-2WJP-H4TB."
}
# A check on a report names its reference but is not a new report.
CHECK_REPLY = {"text": "I found your report SRV-20261125-ABCDEF. Officers have no questions waiting for you."}


def settings(**env: str) -> Settings:
    return Settings.from_env({"SENDER_HASH_KEY": "test-key", **env})


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    fake = FakeRasa(replies=[{"recipient_id": "x", "text": "Hello"}])
    server = await fake.start()
    fake.url = str(server.make_url("")).rstrip("/")  # type: ignore[attr-defined]
    yield fake
    await server.close()


async def client(rasa: FakeRasa, **env: str) -> TestClient:
    return await client_for(rasa.url, settings=settings(**env))  # type: ignore[attr-defined]


async def post(
    chat: TestClient, message: str = "hello", session: str = SESSION, **headers: str
) -> tuple[int, dict[str, Any]]:
    sent = {"Origin": own_origin(chat), "Content-Type": "application/json", **headers}
    response = await chat.post(
        "/api/message", data=f'{{"session": "{session}", "message": "{message}"}}', headers=sent
    )
    return response.status, await response.json()


def names_999_and_the_hotline(body: dict[str, Any]) -> bool:
    text = body["replies"][0]["text"]
    return (
        text.startswith(f"If anyone is in danger, call {CONTACTS['emergency_phone']}")
        and CONTACTS["hotline_phone"] in text
        and CONTACTS["hotline_web"] in text
    )


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example", "http://127.0.0.1:1", "null", ""],
    ids=["other site", "other port", "opaque", "none"],
)
async def test_a_post_from_another_origin_is_refused_and_relays_nothing(rasa, origin):
    chat = await client(rasa)
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
    chat = await client(rasa)
    try:
        status, body = await post(chat, **{"Content-Type": "text/plain"})
    finally:
        await chat.close()
    assert status == 415 and "application/json" in body["error"]
    assert rasa.received == []


@pytest.mark.parametrize(
    "body",
    [
        b'{"session": "\xed\xa0\x80", "message": "hi"}',
        b'{"session": "\\ud800aaaaaaaaaaaaaaaa", "message": "hi"}',
        b'{"session": "0123456789abcdef0123", "message": "\\udc00 broken"}',
        '{"session": "0123456789abcdef0123", "message": "hi"}'.encode("utf-16"),
    ],
    ids=["bytes of a surrogate", "escaped surrogate session", "escaped surrogate message", "utf-16"],
)
async def test_text_that_is_not_unicode_is_refused_not_a_server_error(rasa, body):
    chat = await client(rasa)
    try:
        headers = {"Origin": own_origin(chat), "Content-Type": "application/json"}
        response = await chat.post("/api/message", data=body, headers=headers)
        assert response.status == 400, await response.text()
    finally:
        await chat.close()
    assert rasa.received == []


async def test_a_non_loopback_host_needs_to_be_listed(rasa):
    """DNS rebinding: a hostile name pointing at 127.0.0.1 makes Origin and Host agree; it is still refused."""
    chat = await client(rasa)
    try:
        status, _ = await post(chat, Origin="http://rebind.example:8080", Host="rebind.example:8080")
    finally:
        await chat.close()
    assert status == 403 and rasa.received == []
    listed = await client(rasa, WEBCHAT_ORIGINS="https://chat.police.example")
    try:
        status, body = await post(listed, Origin="https://chat.police.example", Host="chat.police.example")
    finally:
        await listed.close()
    assert status == 200 and body["replies"][0]["text"] == "Hello"


async def test_messages_per_minute_per_session_then_a_polite_refusal(rasa):
    chat = await client(rasa, WEBCHAT_SESSION_MESSAGES_PER_MINUTE="3")
    try:
        answers = [await post(chat, f"message {n}") for n in range(4)]
        other_session = await post(chat, "someone else", session=OTHER_SESSION)
    finally:
        await chat.close()
    assert [status for status, _ in answers] == [200, 200, 200, 429]
    assert names_999_and_the_hotline(answers[-1][1])
    assert len(rasa.received) == 4, "the refused message never reached Rasa; another session still can"
    assert other_session[0] == 200


async def test_messages_per_minute_per_address_across_sessions(rasa):
    chat = await client(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="2")
    try:
        sessions = [f"{n:032x}" for n in range(3)]
        statuses = [(await post(chat, "hi", session=session))[0] for session in sessions]
    finally:
        await chat.close()
    assert statuses == [200, 200, 429] and len(rasa.received) == 2


async def test_reports_per_hour_per_session_then_nothing_more_is_relayed(rasa):
    rasa.replies = [REPORT_REPLY]
    chat = await client(rasa, WEBCHAT_SESSION_REPORTS_PER_HOUR="2")
    try:
        first, second, third = [await post(chat, "/affirm") for _ in range(3)]
    finally:
        await chat.close()
    assert first[0] == second[0] == 200 and third[0] == 429
    assert names_999_and_the_hotline(third[1]) and "last hour" in third[1]["replies"][0]["text"]
    assert len(rasa.received) == 2


async def test_reports_per_hour_per_address_across_sessions(rasa):
    rasa.replies = [REPORT_REPLY]
    chat = await client(rasa, WEBCHAT_IP_REPORTS_PER_HOUR="1")
    try:
        statuses = [(await post(chat, "/affirm", session=f"{n:032x}"))[0] for n in range(3)]
    finally:
        await chat.close()
    assert statuses == [200, 429, 429] and len(rasa.received) == 1


async def test_checking_on_a_report_is_not_counted_as_making_one(rasa):
    rasa.replies = [CHECK_REPLY]
    chat = await client(rasa, WEBCHAT_SESSION_REPORTS_PER_HOUR="1")
    try:
        statuses = [(await post(chat, "I'd like to check on my report"))[0] for _ in range(3)]
    finally:
        await chat.close()
    assert statuses == [200, 200, 200] and len(rasa.received) == 3


async def test_forwarded_for_counts_only_through_a_trusted_proxy(rasa):
    # Untrusted peer: a made-up X-Forwarded-For does not get a fresh allowance.
    chat = await client(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="1")
    try:
        first = await post(chat, session=SESSION, **{"X-Forwarded-For": "203.0.113.1"})
        spoofed = await post(chat, session=OTHER_SESSION, **{"X-Forwarded-For": "203.0.113.2"})
    finally:
        await chat.close()
    assert (first[0], spoofed[0]) == (200, 429)
    # Behind a trusted proxy, two people are two addresses.
    proxied = await client(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="1", TRUSTED_PROXIES="127.0.0.1")
    try:
        one = await post(proxied, session=SESSION, **{"X-Forwarded-For": "203.0.113.1"})
        two = await post(proxied, session=OTHER_SESSION, **{"X-Forwarded-For": "203.0.113.2"})
        again = await post(proxied, session=f"{7:032x}", **{"X-Forwarded-For": "203.0.113.1"})
    finally:
        await proxied.close()
    assert (one[0], two[0], again[0]) == (200, 200, 429)


def test_a_window_lets_messages_through_again_once_it_has_moved_on():
    window = SlidingWindow(2, HOUR)
    window.add("k", 0.0)
    window.add("k", 10.0)
    assert window.retry_after("k", 100.0) == pytest.approx(3500.0)
    assert window.full("k", 3599.0) and not window.full("k", 3600.0)


async def test_the_chat_may_be_framed_only_by_listed_sites(rasa):
    default = security_headers()
    assert "frame-ancestors 'none'" in default["Content-Security-Policy"]
    assert default["X-Frame-Options"] == "DENY"
    chat = await client(rasa, WEBCHAT_FRAME_ANCESTORS="https://www.police.example 'self'")
    try:
        response = await chat.get("/")
    finally:
        await chat.close()
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors https://www.police.example 'self'" in policy
    assert "X-Frame-Options" not in response.headers, "it would forbid the listed sites too"
    for bad in ("https://a.example; script-src *", "javascript:alert(1)", "*"):
        with pytest.raises(ValueError, match="WEBCHAT_FRAME_ANCESTORS"):
            security_headers((bad,))


async def test_each_message_tells_rasa_its_address_signed_never_the_address_itself(rasa):
    from servator.http.headers import verified_address

    chat = await client(rasa)
    try:
        await post(chat, "hello")
    finally:
        await chat.close()
    [headers] = rasa.headers
    forwarded = verified_address(headers, settings().front_end_secret())
    assert forwarded is not None and "127.0.0.1" not in forwarded
    assert not any(value == "127.0.0.1" for name, value in headers.items() if name != "Host")
