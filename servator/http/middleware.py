"""The request log and error handling the two aiohttp front ends (the web chat, the officer
dashboard) share, as one middleware each builds with its own logger and error page.

Each request is logged as method, route template, status and time, never the path a person typed
or a body. An error under /api/ is answered as JSON ({"error": "not found"}); any other error is
the front end's own page, or aiohttp's when it has none. An error that already carries JSON, or a
redirect, passes through untouched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ErrorPage = Callable[[web.Request, web.HTTPException], web.StreamResponse]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]


def logged_with_api_errors(log: logging.Logger, error_page: ErrorPage | None = None) -> Middleware:
    """The middleware: `log` gets one line a request; `error_page` answers errors outside /api/."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        started, status = time.monotonic(), 500
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "(no route)"
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as error:
            status = error.status
            if error.status < 400 or error.content_type == "application/json":
                raise
            if request.path.startswith("/api/"):
                return web.json_response({"error": error.reason.lower()}, status=error.status)
            if error_page is None:
                raise
            return error_page(request, error)
        finally:
            log.info("%s %s %d %.0f ms", request.method, route, status, (time.monotonic() - started) * 1000)

    return middleware
