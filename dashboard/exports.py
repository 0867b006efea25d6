"""Exports of the current filter: `/export.csv`, `/export.json`, `/export.geojson` (audited).

The same export object as `servator reports export` (servator/records/exports.py), streamed a batch at a
time so a large filter never sits in memory whole. The filter is the queue's query string; with no
status in it, every status.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.filters import ReportFilter
from servator.records.exports import csv_lines, export_rows, geojson_feature
from servator.storage import dashboard_queries

routes = web.RouteTableDef()
BATCH = 500
FORMATS: dict[str, tuple[str, str, str, str]] = {
    # format: (content type, opening, separator, closing)
    "csv": ("text/csv; charset=utf-8", "", "", ""),
    "json": ("application/json", "[\n", ",\n", "\n]\n"),
    "geojson": ("application/geo+json", '{"type": "FeatureCollection", "features": [\n', ",\n", "\n]}\n"),
}


def batch_rows(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    return export_rows(session, dashboard_queries.reports_by_id(session, ids))


def encoder(kind: str) -> Callable[[list[dict[str, Any]], bool], str]:
    """Text for one batch of rows (`first`: the first batch, for CSV's header and JSON's commas)."""
    separator = FORMATS[kind][2]

    def encode(rows: list[dict[str, Any]], first: bool) -> str:
        if kind == "csv":
            return csv_lines(rows, header=first)
        items = [geojson_feature(row) if kind == "geojson" else row for row in rows]
        text = separator.join(json.dumps(item, ensure_ascii=False) for item in items)
        return text if first or not text else separator + text

    return encode


@routes.get(r"/export.{kind:(csv|json|geojson)}")
async def export(request: web.Request) -> web.StreamResponse:
    kind = request.match_info["kind"]
    report_filter = ReportFilter.from_query(request.query)
    officer = request["officer"]

    def find(session: Session) -> list[int]:
        ids = dashboard_queries.report_ids(session, report_filter.where())
        audit.record(
            session, officer, "export", detail=f"format={kind}; {report_filter.describe()}; count={len(ids)}"
        )
        session.commit()
        return ids

    ids = await db.run(request, find)
    content_type, opening, _separator, closing = FORMATS[kind]
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    response = web.StreamResponse(
        headers={
            "Content-Type": content_type,
            "Content-Disposition": f'attachment; filename="servator-reports-{stamp}.{kind}"',
            "Cache-Control": "no-store",
        }
    )
    await response.prepare(request)
    encode = encoder(kind)
    await response.write(opening.encode())
    if not ids and kind == "csv":
        await response.write(csv_lines([]).encode())
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = await db.run(request, functools.partial(batch_rows, ids=chunk))
        await response.write(encode(rows, start == 0).encode())
    await response.write(closing.encode())
    await response.write_eof()
    return response
