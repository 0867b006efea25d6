"""The export object of a report, shared by `servator reports export` and the dashboard's exports.

Each report is `Report.to_dict()` plus `linked_references` (a list) and `cluster` (an id or None).
CSV cells a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
apostrophe; GeoJSON puts reports with a point in a FeatureCollection (the rest with no geometry).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from servator.storage import Report

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = [column.key for column in Report.__table__.columns] + ["linked_references", "cluster"]


def export_rows(session: Session, reports: Sequence[Any]) -> list[dict[str, Any]]:
    """Each report's export object (linked references and cluster read in two queries for them all)."""
    from servator.linking import link_summaries  # only when exporting: it loads the linking rules

    summaries = link_summaries(session, [report.id for report in reports])
    rows = []
    for report in reports:
        linked, cluster = summaries.get(report.id, ([], None))
        rows.append({**report.to_dict(), "linked_references": linked, "cluster": cluster})
    return rows


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_PREFIXES) else value
    return str(value)


def csv_lines(rows: Iterable[dict[str, Any]], header: bool = True) -> str:
    """The rows as CSV text (with the header line first when asked)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in COLUMNS])
    return out.getvalue()


def geojson_feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": row["reference"], "geometry": geometry, "properties": row}
