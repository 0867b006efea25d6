"""The web chat server over HTTP: the page, its headers (framing), input checks, and the relay to Rasa.

aiohttp's test client with a stand-in Rasa (or none at all); the relay to the real stack is in
tests/integration/web/test_webchat_stack.py.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from servator.config.contacts import template_values
from servator.config.settings import sender_hash
from servator.http.headers import security_headers
from tests.support.webchat import (
    SESSION,
    FakeRasa,
    chat,
    chat_settings,
    client_for,
    client_with,
    closed_port_url,
    own_origin,
    post,
)
from web.server import MAX_BODY_BYTES

CONTACTS = template_values()


@pytest.fixture
async def no_rasa() -> AsyncIterator[TestClient]:
    client = await client_for(closed_port_url())
    yield client
    await client.close()


def assert_unavailable(body: dict[str, Any]) -> None:
    text = body["replies"][0]["text"]
    assert "999" in text and CONTACTS["emergency_phone"] in text
    assert CONTACTS["hotline_phone"] in text and CONTACTS["hotline_web"] in text


async def test_page_has_the_emergency_banner_from_the_contacts_file(no_rasa):
    response = await no_rasa.get("/")
    assert response.status == 200 and response.content_type == "text/html"
    page = await response.text()
    assert (
        f'In an emergency call <a href="tel:{CONTACTS["emergency_phone"]}">{CONTACTS["emergency_phone"]}</a>'
        in page
    )
    assert "In an emergency call" in page and ">999<" in page
    assert CONTACTS["hotline_phone"] in page and CONTACTS["hotline_web"] in page
    assert 'role="log"' in page and 'aria-live="polite"' in page and '<label for="message">' in page
    assert "{" not in page, "an unfilled placeholder is left in the page"
    assert "<script>" not in page, "inline script would break the CSP"


@pytest.mark.parametrize("path", ["/", "/static/chat.js", "/static/chat.css", "/api/message", "/nowhere"])
async def test_security_headers_on_every_response(no_rasa, path):
    response = await no_rasa.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_static_files_are_served_and_the_template_is_not(no_rasa):
    script = await no_rasa.get("/static/chat.js")
    assert script.status == 200 and script.content_type == "text/javascript"
    assert "textContent" in await script.text() and "innerHTML" not in await script.text()
    style = await no_rasa.get("/static/chat.css")
    assert style.status == 200 and style.content_type == "text/css"
    assert (await no_rasa.get("/static/index.html")).status == 404
    assert (await no_rasa.get("/static/..%2Fserver.py")).status == 404


async def test_rasa_unreachable_still_answers_with_999_and_the_hotline(no_rasa):
    assert_unavailable(await chat(no_rasa, "hello"))


async def test_rasa_error_and_timeout_answer_with_999():
    for fake, options in (
        (FakeRasa(status=500), {}),
        (FakeRasa(delay=3), {"timeout": 0.5}),
        (FakeRasa(replies={"not": "a list"}), {}),
    ):
        rasa = await fake.start()
        client = await client_for(str(rasa.make_url("")), **options)
        try:
            assert_unavailable(await chat(client, "hello"))
        finally:
            await client.close()
            await rasa.close()


async def test_relays_with_a_hashed_sender_and_returns_text_and_buttons():
    fake = FakeRasa(
        replies=[
            {"recipient_id": "x", "text": "Hi\n• one"},
            {"recipient_id": "x", "text": "Pick", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
            {"recipient_id": "x", "image": "ignored"},
        ]
    )
    rasa = await fake.start()
    client = await client_for(str(rasa.make_url("")))
    try:
        body = await chat(client, "<b>hi</b>")
    finally:
        await client.close()
        await rasa.close()
    assert body == {
        "replies": [
            {"text": "Hi\n• one", "buttons": []},
            {"text": "Pick", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
        ]
    }
    assert fake.received == [{"sender": sender_hash("web:" + SESSION), "message": "<b>hi</b>"}]
    assert SESSION not in fake.received[0]["sender"]


async def test_logs_hold_no_message_text_or_session_id(no_rasa, caplog):
    caplog.set_level(logging.DEBUG)
    await chat(no_rasa, "my name is Zebedee Quartermain")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "relay" in logged
    assert "Zebedee" not in logged and SESSION not in logged


@pytest.mark.parametrize(
    "body,status,error_word",
    [
        (b"not json", 400, "json"),
        (b"[1, 2]", 400, "object"),
        (b'{"session": "0123456789abcdef0123456789abcdef", "message": 42}', 400, "message"),
        (b'{"session": "0123456789abcdef0123456789abcdef"}', 400, "message"),
        (b'{"session": "short", "message": "hi"}', 400, "session"),
        (b'{"session": "../../etc/passwd/xxxxxxxx", "message": "hi"}', 400, "session"),
        (b'{"session": "' + b"a" * 65 + b'", "message": "hi"}', 400, "session"),
        (b'{"session": 1234567890123456789, "message": "hi"}', 400, "session"),
        (
            b'{"session": "0123456789abcdef0123456789abcdef", "message": "' + b"a" * MAX_BODY_BYTES + b'"}',
            413,
            "too large",
        ),
    ],
)
async def test_bad_requests_get_a_clear_json_error(no_rasa, body, status, error_word):
    headers = {"Content-Type": "application/json", "Origin": own_origin(no_rasa)}
    response = await no_rasa.post("/api/message", data=body, headers=headers)
    assert response.status == status
    assert error_word in (await response.json())["error"].lower()


async def test_oversize_body_without_length_header_is_refused(no_rasa):
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b"a" * 8192

    headers = {"Content-Type": "application/json", "Origin": own_origin(no_rasa)}
    response = await no_rasa.post("/api/message", data=chunks(), headers=headers)
    assert response.status == 413 and "too large" in (await response.json())["error"]


async def test_wrong_method_is_a_json_error(no_rasa):
    response = await no_rasa.get("/api/message")
    assert response.status == 405 and "error" in await response.json()


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
    chat = await client_with(rasa)
    try:
        headers = {"Origin": own_origin(chat), "Content-Type": "application/json"}
        response = await chat.post("/api/message", data=body, headers=headers)
        assert response.status == 400, await response.text()
    finally:
        await chat.close()
    assert rasa.received == []


async def test_the_chat_may_be_framed_only_by_listed_sites(rasa):
    default = security_headers()
    assert "frame-ancestors 'none'" in default["Content-Security-Policy"]
    assert default["X-Frame-Options"] == "DENY"
    chat = await client_with(rasa, WEBCHAT_FRAME_ANCESTORS="https://www.police.example 'self'")
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

    chat = await client_with(rasa)
    try:
        await post(chat, "hello")
    finally:
        await chat.close()
    [headers] = rasa.headers
    forwarded = verified_address(headers, chat_settings().front_end_secret())
    assert forwarded is not None and "127.0.0.1" not in forwarded
    assert not any(value == "127.0.0.1" for name, value in headers.items() if name != "Host")
