"""`/map`: reports, linked-report clusters and place labels on a Leaflet map; `/api/map`: its GeoJSON.

The page holds no data: static/map.js reads the tile URL and attribution (the `tiles` every template
gets, dashboard/app.py) from data-* attributes and
fetches /api/map with the filter form's values, the visible box and the zoom (dashboard/map_data.py
bounds the payload). Without tiles (no internet) the markers, counts and labels still draw: they are
vector shapes and text, not images.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.filters import ReportFilter
from dashboard.map_data import Box, map_geojson
from reading.london import LONDON
from servator.storage import CATEGORY_LABELS

routes = web.RouteTableDef()
DEFAULT_DAYS = 30
DEFAULT_ZOOM = 12


def map_filter(query: Any, now: datetime | None = None) -> ReportFilter:
    """The shared filter; with no dates asked for, the last DEFAULT_DAYS London days."""
    report_filter = ReportFilter.from_query(query)
    if report_filter.date_from or report_filter.date_to or "from" in query:
        return report_filter
    today = (now or datetime.now(timezone.utc)).astimezone(LONDON).date()
    return replace(report_filter, date_from=today - timedelta(days=DEFAULT_DAYS - 1))


def zoom_level(text: str | None) -> int:
    try:
        return min(max(int(text or DEFAULT_ZOOM), 0), 19)
    except ValueError:
        return DEFAULT_ZOOM


@routes.get("/map")
async def map_view(request: web.Request) -> web.StreamResponse:
    officer = request["officer"]
    report_filter = map_filter(request.query)

    def work(session: Session) -> None:
        audit.record(session, officer, "view_map", detail=report_filter.describe())
        session.commit()

    await db.run(request, work)
    context = {"filter": report_filter, "categories": CATEGORY_LABELS}
    return aiohttp_jinja2.render_template("map.html", request, context)


@routes.get("/api/map")
async def map_api(request: web.Request) -> web.Response:
    report_filter = map_filter(request.query)
    box, zoom = Box.parse(request.query.get("bbox")), zoom_level(request.query.get("zoom"))
    data = await db.run(request, lambda session: map_geojson(session, report_filter.where(), box, zoom))
    return web.json_response(data, content_type="application/geo+json", headers={"Cache-Control": "no-store"})
