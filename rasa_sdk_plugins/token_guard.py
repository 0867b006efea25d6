"""The action server refuses every call that does not carry Rasa's token, and keeps message text
out of its logs (servator.rasa_runtime.action_server_guard, servator.log_privacy)."""

from __future__ import annotations

import pluggy
from sanic import Sanic

hookimpl = pluggy.HookimplMarker("rasa_sdk")


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    from servator.rasa_runtime.action_server_guard import attach

    attach(app)
