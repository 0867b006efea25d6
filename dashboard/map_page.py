"""`/map`: reports, linked-report clusters and place labels on a Leaflet map; `/api/map`: its GeoJSON.

The page holds no data: static/map.js reads the tile URL and attribution from data-* attributes and
fetches /api/map with the filter form's values, the visible box and the zoom (dashboard/map_data.py
bounds the payload). Without tiles (no internet) the markers, counts and labels still draw: they are
vector shapes and text, not images.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from dashboard import audit
from dashboard.filters import ReportFilter
from dashboard.keys import SESSION_FACTORY, SETTINGS
from dashboard.map_data import Box, map_geojson
from dashboard.trends_data import LONDON

routes = web.RouteTableDef()
DEFAULT_DAYS = 30
DEFAULT_ZOOM = 12


def default_date_from(now: datetime | None = None) -> str:
    """The map opens on the last DEFAULT_DAYS London days."""
    now = now or datetime.now(timezone.utc)
    return (now.astimezone(LONDON).date() - timedelta(days=DEFAULT_DAYS - 1)).isoformat()


def _zoom(text: str | None) -> int:
    try:
        return min(max(int(text or DEFAULT_ZOOM), 0), 19)
    except ValueError:
        return DEFAULT_ZOOM


@routes.get("/map")
@aiohttp_jinja2.template("map.html")
async def map_view(request: web.Request) -> dict[str, Any]:
    settings = request.app[SETTINGS]
    report_filter = ReportFilter.from_query(request.query)
    with request.app[SESSION_FACTORY]() as session:
        audit.record(session, request["officer"], "view map")
        session.commit()
    return {
        "filter": report_filter,
        "default_date_from": default_date_from(),
        "tile_url": settings.dashboard_tile_url,
        "tile_attribution": settings.dashboard_tile_attribution,
    }


def _geojson(request: web.Request, report_filter: ReportFilter) -> dict[str, Any]:
    box = Box.parse(request.query.get("bbox"))
    with request.app[SESSION_FACTORY]() as session:
        return map_geojson(session, report_filter.where(), box, _zoom(request.query.get("zoom")))


@routes.get("/api/map")
async def map_api(request: web.Request) -> web.Response:
    report_filter = ReportFilter.from_query(request.query)
    data = await asyncio.get_running_loop().run_in_executor(None, _geojson, request, report_filter)
    return web.json_response(data, content_type="application/geo+json", headers={"Cache-Control": "no-store"})
