"""What the dashboard keeps on its aiohttp application."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy.orm import sessionmaker

from servator.config.settings import Settings

SESSION_FACTORY = web.AppKey("session_factory", sessionmaker)
SETTINGS = web.AppKey("settings", Settings)
HEADERS = web.AppKey("headers", dict[str, str])
