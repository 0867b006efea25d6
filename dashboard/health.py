"""`/healthz`: 200 while the report database answers, else 503 (no sign-in needed, nothing personal)."""

from __future__ import annotations

from aiohttp import web

from dashboard.keys import SESSION_FACTORY
from servator.storage.engine import database_answers

routes = web.RouteTableDef()


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    import asyncio

    answers = await asyncio.get_running_loop().run_in_executor(
        None, database_answers, request.app[SESSION_FACTORY]
    )
    return web.json_response(
        {"status": "ok" if answers else "unavailable", "database": answers}, status=200 if answers else 503
    )


@routes.get("/favicon.ico")
async def no_favicon(request: web.Request) -> web.Response:
    return web.Response(status=204)
