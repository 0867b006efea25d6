"""`python -m dashboard`: serve the officer dashboard on 127.0.0.1:$DASHBOARD_PORT over $DATABASE_URL."""

from __future__ import annotations

import logging

from aiohttp import web

from dashboard.app import create_app
from servator import log_privacy
from servator.config.settings import Settings
from servator.storage import ensure_schema, make_session_factory


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    log_privacy.install()
    settings = Settings.from_env()
    ensure_schema(settings.database_url)
    app = create_app(settings, make_session_factory(settings.database_url))
    # access_log=None: our own middleware logs method, route, status and timing only.
    web.run_app(app, host="127.0.0.1", port=settings.dashboard_port, access_log=None, print=None)


if __name__ == "__main__":
    main()
