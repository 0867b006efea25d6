"""rasa_sdk's plugin package: rasa_sdk/plugin.py imports `rasa_sdk_plugins` and calls `init_hooks`,
the supported way to extend the action server's Sanic app (`attach_sanic_app_extensions`).

One module per extension, each registered here.
"""

from __future__ import annotations

import pluggy


def init_hooks(manager: pluggy.PluginManager) -> None:
    from rasa_sdk_plugins import outbox_flush, token_guard

    manager.register(token_guard)
    manager.register(outbox_flush)
