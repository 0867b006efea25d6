"""`/trends`: reports per day by category over the last 90 London days (a uPlot chart drawn by
static/trends.js from /api/trends, and the same numbers in an HTML table), the top places and the
largest clusters of linked reports. The table is rendered on the server, so it reads without script."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from dashboard import audit
from dashboard.filters import ReportFilter
from dashboard.keys import SESSION_FACTORY
from dashboard.trends_data import DAYS, trends

routes = web.RouteTableDef()


def _trends(request: web.Request, report_filter: ReportFilter) -> dict[str, Any]:
    with request.app[SESSION_FACTORY]() as session:
        return trends(session, report_filter.where(), datetime.now(timezone.utc))


def _rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One table row per day, newest first: the date, a count per category and the day's total."""
    rows = []
    for index in reversed(range(len(data["days"]))):
        counts = [data["series"][category][index] for category in data["categories"]]
        rows.append({"day": data["days"][index], "counts": counts, "total": sum(counts)})
    return rows


@routes.get("/trends")
@aiohttp_jinja2.template("trends.html")
async def trends_view(request: web.Request) -> dict[str, Any]:
    report_filter = ReportFilter.from_query(request.query)
    data = await asyncio.get_running_loop().run_in_executor(None, _trends, request, report_filter)
    with request.app[SESSION_FACTORY]() as session:
        audit.record(session, request["officer"], "view trends")
        session.commit()
    return {"filter": report_filter, "data": data, "rows": _rows(data), "days": DAYS}


@routes.get("/api/trends")
async def trends_api(request: web.Request) -> web.Response:
    report_filter = ReportFilter.from_query(request.query)
    data = await asyncio.get_running_loop().run_in_executor(None, _trends, request, report_filter)
    return web.json_response(data, headers={"Cache-Control": "no-store"})
