"""`python -m bot`: the Telegram front end (started by `servator run` when TELEGRAM_BOT_TOKEN is set)."""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.app import build_application, serve
from bot.config import BotConfig
from servator import log_privacy


def main() -> int:
    """Read the settings, build the Application and serve until stopped."""
    logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s", level=logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines contain the bot token
    log_privacy.install()
    try:
        config = BotConfig.from_env()
    except ValueError as error:
        print(f"Telegram bot not started: {error}", file=sys.stderr)
        return 2
    return asyncio.run(serve(build_application(config), config))


if __name__ == "__main__":
    sys.exit(main())
