"""rasa_sdk finds both extensions of the action server through this package."""

from __future__ import annotations


def test_rasa_sdk_finds_the_token_check_and_the_outbox_flush():
    from rasa_sdk.plugin import plugin_manager

    names = {getattr(plugin, "__name__", "") for plugin in plugin_manager().get_plugins()}
    assert {"rasa_sdk_plugins.token_guard", "rasa_sdk_plugins.outbox_flush"} <= names, (
        "rasa_sdk would start the action server without them"
    )
