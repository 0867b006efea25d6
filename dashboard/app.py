"""The dashboard's aiohttp application: templates, middlewares, security headers, every page's routes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from sqlalchemy.orm import sessionmaker

from dashboard import (
    exports,
    health,
    labels,
    link_decisions,
    login,
    map_page,
    photos,
    queue,
    report_page,
    trends_page,
    triage_actions,
)
from dashboard.auth import require_officer
from dashboard.filters import london_day, london_parts
from dashboard.keys import HEADERS, SESSION_FACTORY, SETTINGS
from reading.london import london_time
from servator.config.settings import Settings
from servator.http.headers import security_headers, tile_origin
from servator.http.middleware import Handler, logged_with_api_errors
from servator.storage import answer_shown

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
MAX_BODY_BYTES = 64 * 1024
# Each page module's `routes` (a web.RouteTableDef), in the order they are added.
PAGES = (
    login,
    queue,
    triage_actions,
    report_page,
    link_decisions,
    photos,
    exports,
    map_page,
    trends_page,
    health,
)
ERROR_TITLES = {
    400: "That request could not be understood",
    403: "That form has expired",
    404: "There is nothing here",
    405: "That cannot be done here",
}

log = logging.getLogger("dashboard")


async def common_context(request: web.Request) -> dict[str, Any]:
    """In every template: the officer signed in (or None), the CSRF token for forms, the map tiles."""
    settings = request.app[SETTINGS]
    return {
        "officer": request.get("officer"),
        "csrf_token": request.get("csrf_token", ""),
        # For the maps (static/map.js, static/report_map.js): the tile URL template and its credit.
        "tiles": {"url": settings.dashboard_tile_url, "attribution": settings.dashboard_tile_attribution},
    }


FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def error_page(request: web.Request, error: web.HTTPException) -> web.StreamResponse:
    """An error as a polite page in the dashboard's own layout."""
    title = ERROR_TITLES.get(error.status, "Something went wrong")
    return aiohttp_jinja2.render_template(
        "error.html", request, {"title": title, "status": error.status}, status=error.status
    )


@web.middleware
async def readable_forms(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A form body aiohttp cannot read (a broken multipart, bytes that are not UTF-8) is a 400,
    before anything reads it (the CSRF check, the handlers)."""
    if request.method == "POST" and request.content_type in FORM_TYPES:
        try:
            await request.post()  # parsed once; later reads get the same form
        except ValueError:
            raise web.HTTPBadRequest(reason="unreadable form") from None
    return await handler(request)


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in request.app[HEADERS].items():
        response.headers[name] = value
    if "Cache-Control" not in response.headers:
        static = request.path.startswith("/static/")
        response.headers["Cache-Control"] = "no-cache" if static else "no-store"


def create_app(settings: Settings, session_factory: sessionmaker) -> web.Application:
    """The dashboard over the report database that `session_factory` opens (schema already made)."""
    app = web.Application(
        client_max_size=MAX_BODY_BYTES,
        middlewares=[logged_with_api_errors(log, error_page), readable_forms, require_officer],
    )
    app[SETTINGS] = settings
    app[SESSION_FACTORY] = session_factory
    app[HEADERS] = security_headers(img_sources=(tile_origin(settings.dashboard_tile_url),))
    env = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        context_processors=[common_context, aiohttp_jinja2.request_processor],
    )
    env.filters["london"] = london_time
    env.filters["given"] = answer_shown
    env.filters["london_day"] = london_day
    env.filters["london_parts"] = london_parts
    env.filters.update(labels.FILTERS)
    # aiohttp 3.9 annotates its signals in a form that predates aiosignal 1.4's generic Signal.
    app.on_response_prepare.append(add_headers)  # type: ignore[arg-type]
    for page in PAGES:
        app.router.add_routes(page.routes)
    app.router.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False)
    return app
