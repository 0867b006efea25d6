"""The action server, once extended, checks Rasa's token before anything else and logs no request lines."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

from sanic import Sanic

from rasa_sdk_plugins.token_guard import attach_sanic_app_extensions
from servator.config.settings import Settings


def call(token: str | None) -> SimpleNamespace:
    return SimpleNamespace(
        method="POST", path="/webhook", args={} if token is None else {"token": token}, json={}
    )


async def test_once_started_the_first_middleware_lets_only_rasa_s_token_through():
    app = Sanic(f"actions-{uuid.uuid4().hex[:8]}")
    attach_sanic_app_extensions(app)
    assert app.config.ACCESS_LOG is False, "the token is in the request line"
    app.request_middleware.append(lambda request: None)  # what rasa_sdk adds (CORS) comes after it
    app.signal_router.finalize()
    await app.dispatch("server.init.before", context={"app": app, "loop": None}, inline=True)
    first = app.request_middleware[0]
    refused = await first(call(None))
    assert refused is not None and refused.status == 401
    assert await first(call(Settings.from_env().action_server_secret())) is None
