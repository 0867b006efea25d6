"""`/healthz` (readiness JSON) and `/metrics` (Prometheus) on the web chat server.

The web chat serves them for the whole stack `servator run` starts: the readiness comes from the
shared state (Rasa answering, the report database, the outbox folder, undelivered officer
alerts; servator.http.health) and the metrics of every process from the shared multiprocess folder
(servator.http.metrics). Both say counts and ages only, never report content. Publish only `/`,
`/static/` and `/api/message` through a reverse proxy; keep these two for monitoring.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from servator.http.health import storage_state
from servator.http.metrics import scrape

CHECK_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class HealthSources:
    """Where readiness is read from; database_url None means no database check (and no backlog)."""

    rasa_url: str
    database_url: str | None
    outbox_dir: str


SOURCES = web.AppKey("health_sources", HealthSources)


async def _rasa_answers(rasa_url: str) -> bool:
    timeout = aiohttp.ClientTimeout(total=CHECK_TIMEOUT_SECONDS)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as http, http.get(f"{rasa_url}/") as response:
            return response.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def _storage(sources: HealthSources) -> dict[str, Any]:
    """The storage state, read in a thread; a database that does not answer in time counts as down."""
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(storage_state, sources.database_url, sources.outbox_dir), CHECK_TIMEOUT_SECONDS
        )
    except asyncio.TimeoutError:
        state = await asyncio.to_thread(storage_state, None, sources.outbox_dir)
        state["database"]["reachable"] = False
        return state


async def readiness(sources: HealthSources) -> dict[str, Any]:
    """Ready: Rasa and (when configured) the database answer. Degraded: ready, but reports wait in the
    outbox or files were set aside."""
    rasa, state = await asyncio.gather(_rasa_answers(sources.rasa_url), _storage(sources))
    ready = rasa and state["database"]["reachable"] is not False
    degraded = state["outbox"]["size"] > 0 or state["outbox"]["set_aside"] > 0
    status = "ok" if ready and not degraded else "degraded" if ready else "unavailable"
    return {"status": status, "ready": ready, "rasa": {"reachable": rasa}, **state}


async def healthz(request: web.Request) -> web.Response:
    """200 with the readiness JSON when ready, 503 with the same JSON when not."""
    body = await readiness(request.app[SOURCES])
    return web.json_response(
        body, status=200 if body["ready"] else 503, headers={"Cache-Control": "no-store"}
    )


async def metrics(request: web.Request) -> web.Response:
    sources = request.app[SOURCES]
    state = await _storage(sources)
    body, content_type = await asyncio.to_thread(scrape, state)
    response = web.Response(body=body, headers={"Cache-Control": "no-store"})
    response.headers["Content-Type"] = content_type
    return response


def add_health_routes(app: web.Application, sources: HealthSources) -> None:
    app[SOURCES] = sources
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
