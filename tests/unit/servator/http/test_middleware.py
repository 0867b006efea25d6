"""The front ends' shared middleware (servator/http/middleware.py): one log line a request with the
route, never the path typed; API errors as JSON; other errors as the front end's page."""

from __future__ import annotations

import logging
import re

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from servator.http.middleware import logged_with_api_errors

LOG = logging.getLogger("test.front_end")


async def missing(request: web.Request) -> web.Response:
    raise web.HTTPNotFound()


async def moved(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther("/login")


def polite(request: web.Request, error: web.HTTPException) -> web.Response:
    return web.Response(text=f"Sorry: {error.status}", status=error.status)


async def client(error_page=None) -> TestClient:
    app = web.Application(middlewares=[logged_with_api_errors(LOG, error_page)])
    app.router.add_get("/api/things/{name}", missing)
    app.router.add_get("/things/{name}", missing)
    app.router.add_get("/old", moved)
    test_client = TestClient(TestServer(app))
    await test_client.start_server()
    return test_client


async def test_api_errors_are_json_and_the_log_names_the_route_not_the_path(caplog):
    front_end = await client()
    try:
        with caplog.at_level(logging.INFO, logger=LOG.name):
            response = await front_end.get("/api/things/alice-07700900123")
            assert (response.status, await response.json()) == (404, {"error": "not found"})
    finally:
        await front_end.close()
    [line] = [record.getMessage() for record in caplog.records]
    assert re.fullmatch(r"GET /api/things/\{name\} 404 \d+ ms", line), line
    assert "alice" not in caplog.text


async def test_other_errors_get_the_front_end_s_page_or_aiohttp_s_and_redirects_pass():
    with_page, without = await client(polite), await client()
    try:
        page = await with_page.get("/things/x")
        assert (page.status, await page.text()) == (404, "Sorry: 404")
        plain = await without.get("/things/x")
        assert plain.status == 404 and "Sorry" not in await plain.text()
        redirect = await with_page.get("/old", allow_redirects=False)
        assert (redirect.status, redirect.headers["Location"]) == (303, "/login")
    finally:
        await with_page.close()
        await without.close()
