"""`/trends`: reports per day by category over the last 90 London days (a uPlot chart drawn by
static/trends.js from /api/trends, and the same numbers in an HTML table rendered here, so they read
without script), the top places and the largest clusters of linked reports. The shared filter's status,
category and place apply; its dates do not (the window is always the last 90 days)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.filters import ReportFilter
from dashboard.trends_data import DAYS, trends

routes = web.RouteTableDef()


def trends_filter(query: Any) -> ReportFilter:
    return replace(ReportFilter.from_query(query), date_from=None, date_to=None)


def table_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One table row per day, newest first: the date, a count per category and the day's total."""
    rows = []
    for index in reversed(range(len(data["days"]))):
        counts = [data["series"][category][index] for category in data["categories"]]
        rows.append({"day": data["days"][index], "counts": counts, "total": sum(counts)})
    return rows


@routes.get("/trends")
async def trends_view(request: web.Request) -> web.StreamResponse:
    report_filter, officer = trends_filter(request.query), request["officer"]

    def work(session: Session) -> dict[str, Any]:
        data = trends(session, report_filter.where(), datetime.now(timezone.utc))
        audit.record(session, officer, "view_trends", detail=report_filter.describe())
        session.commit()
        return data

    data = await db.run(request, work)
    context = {"filter": report_filter, "data": data, "rows": table_rows(data), "days": DAYS}
    return aiohttp_jinja2.render_template("trends.html", request, context)


@routes.get("/api/trends")
async def trends_api(request: web.Request) -> web.Response:
    report_filter = trends_filter(request.query)
    data = await db.run(
        request, lambda session: trends(session, report_filter.where(), datetime.now(timezone.utc))
    )
    return web.json_response(data, headers={"Cache-Control": "no-store"})
