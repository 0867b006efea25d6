"""The bot's configuration from the environment."""

from __future__ import annotations

import pytest

from bot.config import BotConfig, file_url_for
from tests.support.bot_api_stub import TOKEN


def test_config_from_env_derives_file_url_and_requires_a_webhook_secret():
    config = BotConfig.from_env(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
            "OFFICER_USER_IDS": "1, 2",
            "OFFICER_CHAT_IDS": "-100, 5",
        }
    )
    assert config.api_file_url == "http://127.0.0.1:9/file/bot"
    assert config.officer_user_ids == {1, 2} and config.officer_chat_ids == ("-100", "5")
    assert TOKEN not in repr(config)
    assert BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN}).api_base_url == "https://api.telegram.org/bot"
    assert file_url_for("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_SECRET"):
        BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://servator.test/tg"})
    with pytest.raises(ValueError, match="TELEGRAM_BOT_TOKEN"):
        BotConfig.from_env({})
