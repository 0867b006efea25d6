"""The action server answers only Rasa: every call but GET /health needs the shared token.

Rasa sends the action endpoint's `token` (var/endpoints-*.yml, written by
servator.rasa_runtime.endpoints) as a `token` query parameter on every call; this middleware
compares it in constant time with the action server's own copy (ACTION_SERVER_TOKEN, which the
runner passes to the process it starts) and answers anything else with 401 before any action runs. GET /health stays open: it runs
nothing and says only that the server is up (the runner and the tests poll it).

Installed through rasa_sdk's supported plugin hook, `attach_sanic_app_extensions`
(`rasa_sdk_plugins`, rasa_sdk/plugin.py), together with the log filter (servator.log_privacy).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from servator import log_privacy
from servator.config.settings import Settings

TOKEN_PARAMETER = "token"
OPEN_ROUTES = {("GET", "/health"), ("HEAD", "/health")}
log = logging.getLogger(__name__)

Middleware = Callable[[Request], Coroutine[Any, Any, HTTPResponse | None]]


def token_matches(given: Any, expected: str) -> bool:
    """Constant-time comparison; anything but a non-empty string is a mismatch."""
    if not isinstance(given, str) or not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def token_required(expected: str) -> Middleware:
    """A Sanic request middleware: 401 for any call without the token (GET /health excepted)."""

    async def require_token(request: Request) -> HTTPResponse | None:
        if (request.method, request.path) in OPEN_ROUTES:
            return None
        if not token_matches(request.args.get(TOKEN_PARAMETER), expected):
            log.warning("refused a %s call without the action server token", request.method)
            return response.json({"error": "unauthorized"}, status=401)
        _remember_texts(request)
        return None

    return require_token


def _remember_texts(request: Request) -> None:
    """The tracker's texts, so a log line that quotes them (an action's exception) leaves them out."""
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - a compressed or malformed body: rasa_sdk answers it
        return
    if isinstance(body, dict):
        log_privacy.remember_tracker(body.get("tracker"))


def attach(app: Sanic, settings: Settings | None = None) -> None:
    """Put the token check first (before rasa_sdk's CORS middleware) and silence the access log.

    Sanic's access log would print each request line, and Rasa's token is in its query string.
    """
    log_privacy.install()
    settings = settings or Settings.from_env()
    check = token_required(settings.action_server_secret())
    app.config.ACCESS_LOG = False

    async def token_check_first(app: Sanic, _loop: Any) -> None:  # CORS adds itself at the front then
        if check in app.request_middleware:
            app.request_middleware.remove(check)
        app.request_middleware.appendleft(check)

    app.register_listener(token_check_first, "before_server_start")
