"""`python -m web`: serve the web chat on 127.0.0.1:$WEBCHAT_PORT, relaying to $RASA_URL."""

from __future__ import annotations

import logging

from aiohttp import web

from servator import log_privacy
from servator.config.settings import Settings
from web.server import create_app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    log_privacy.install()
    settings = Settings.from_env()
    app = create_app(
        settings.rasa_url,
        settings.max_message_chars,
        database_url=settings.database_url,
        outbox_dir=settings.outbox_dir,
        timeout=settings.webchat_rasa_timeout_seconds,
        settings=settings,
    )
    port = settings.webchat_port
    # access_log=None: our own middleware logs method, route, status and timing only.
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
