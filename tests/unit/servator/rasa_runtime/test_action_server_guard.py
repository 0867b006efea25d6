"""The action server answers only Rasa's token (servator.rasa_runtime.action_server_guard); over HTTP in
tests/integration/test_perimeter.py."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from servator.rasa_runtime.action_server_guard import token_matches, token_required

TOKEN = "s3cret-token-for-tests"


def request(method: str, path: str, token: str | None = None, body: Any = None) -> SimpleNamespace:
    args = {} if token is None else {"token": token}
    return SimpleNamespace(method=method, path=path, args=args, json=body)


@pytest.mark.parametrize(
    "method,path,token",
    [
        ("POST", "/webhook", None),
        ("POST", "/webhook", "wrong"),
        ("POST", "/webhook", ""),
        ("POST", "/webhook", TOKEN[:-1]),
        ("GET", "/actions", None),
        ("OPTIONS", "/webhook", None),
        ("POST", "/health", None),
        ("GET", "/nowhere", None),
    ],
)
async def test_every_call_without_the_token_is_answered_401_before_any_handler(method, path, token):
    response = await token_required(TOKEN)(request(method, path, token))
    assert response is not None and response.status == 401
    assert response.body == b'{"error":"unauthorized"}'


async def test_rasa_s_call_and_the_health_check_go_through():
    check = token_required(TOKEN)
    assert await check(request("POST", "/webhook", TOKEN, {"tracker": {}})) is None
    assert await check(request("GET", "/health")) is None


def test_tokens_are_compared_whole():
    assert token_matches(TOKEN, TOKEN)
    for given in (None, "", TOKEN[:-1], TOKEN + "x", 12345, [TOKEN]):
        assert not token_matches(given, TOKEN)
    assert not token_matches("", "")


def test_the_plugin_is_what_rasa_sdk_finds():
    from rasa_sdk.plugin import plugin_manager

    names = [getattr(plugin, "__name__", "") for plugin in plugin_manager().get_plugins()]
    assert "rasa_sdk_plugins.token_guard" in names, (
        "rasa_sdk would start the action server without the token check"
    )
