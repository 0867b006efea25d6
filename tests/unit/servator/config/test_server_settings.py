"""The server's settings: their documented defaults, and what is set read as it is meant."""

from __future__ import annotations

from servator.config.settings import Settings
from tests.support.stack import ROOT


def test_settings_have_their_documented_defaults():
    settings = Settings({})
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert (settings.rasa_port, settings.actions_port, settings.webchat_port) == (5005, 5055, 8080)
    assert settings.database_url == f"sqlite:///{ROOT / 'var' / 'servator.db'}"
    assert settings.outbox_dir == str(ROOT / "var" / "outbox")
    assert (settings.max_message_chars, settings.report_retention_days) == (2000, 365)
    assert (
        settings.officer_chat_ids == ()
        and settings.sanic_workers == 1
        and settings.rasa_log_level == "WARNING"
    )


def test_settings_read_what_is_set():
    settings = Settings(
        {
            "SERVATOR_VAR_DIR": "/srv/x",
            "OFFICER_CHAT_IDS": " -100, 5 ,,",
            "RASA_URL": "http://h:1/",
            "LOG_LEVEL": "INFO",
        }
    )
    assert settings.database_url == "sqlite:////srv/x/servator.db"
    assert settings.outbox_dir == "/srv/x/outbox"
    assert settings.officer_chat_ids == ("-100", "5")
    assert settings.rasa_url == "http://h:1"
    assert settings.rasa_log_level == "INFO"
