"""The export object of a report, shared by `servator reports export` and the dashboard's exports.

Each report is `Report.to_dict()` plus `linked_references` (a list), `links` (each link's reference,
rule, score, reason and `confirmed`: an officer confirmed it; JSON and GeoJSON only) and `cluster`
(an id or None),
with `attachments` listing its photos by hash (servator.storage.PhotoInfo.export: the SHA-256 of the
file as received and of the cleaned copy, when and how it came; never the image, nor the place it
carried; a CSV cell holds the SHA-256s as received, separated by ";"), and `latitude` and `longitude`
the point the dashboard's map plots (a location the person shared, else the published point of the
place they named; servator/storage/points.py) with `point_source` saying which ("shared location",
"named place", or None when there is no point).
`followup` lists the officers' questions to the person who reported and their answers (docs/followup.md:
`question`, `asked_by`, `asked_at`, `answer`, `answered_at`; a CSV cell holds them as "Q: … / A: …"
lines). Nothing that could identify who reported is exported: not the keyed hash of their sender id nor
the submission key made from it.
CSV cells a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
apostrophe; GeoJSON puts reports with a point in a FeatureCollection (the rest with no geometry).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from servator.storage import AttachmentRepository, FollowUps, Report, points_for

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Columns kept from officers: each could tie the report to the person who sent it.
SENDER_COLUMNS = ("sender_hash", "submission_key")
COLUMNS = [column.key for column in Report.__table__.columns if column.key not in SENDER_COLUMNS] + [
    "point_source",
    "linked_references",
    "cluster",
    "followup",
]


def followup_summaries(session: Session, report_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Each report's questions and answers, as export objects."""
    return {
        report_id: [
            {
                "question": q.question,
                "asked_by": q.asked_by,
                "asked_at": q.asked_at.isoformat() if q.asked_at else None,
                "answer": q.answer,
                "answered_at": q.answered_at.isoformat() if q.answered_at else None,
            }
            for q in questions
        ]
        for report_id, questions in FollowUps(session).for_reports(list(report_ids)).items()
    }


def export_rows(session: Session, reports: Sequence[Any]) -> list[dict[str, Any]]:
    """Each report's export object (linked references and cluster read in two queries for them all)."""
    from servator.linking import link_details, link_summaries  # only when exporting: it loads the rules

    ids = [report.id for report in reports]
    summaries, points = link_summaries(session, ids), points_for(session, ids)
    details = link_details(session, ids)
    photos = AttachmentRepository(session).summaries(ids)
    asked = followup_summaries(session, ids)
    rows = []
    for report in reports:
        linked, cluster = summaries.get(report.id, ([], None))
        point = points.get(report.id)
        exported = {k: v for k, v in report.to_dict().items() if k not in SENDER_COLUMNS}
        rows.append(
            {
                **exported,
                "latitude": point.lat if point else None,
                "longitude": point.lon if point else None,
                "point_source": point.source if point else None,
                "attachments": [photo.export() for photo in photos.get(report.id, [])],
                "linked_references": linked,
                "links": [link.export() for link in details.get(report.id, [])],
                "cluster": cluster,
                "followup": asked.get(report.id, []),
            }
        )
    return rows


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and value and isinstance(value[0], dict) and "question" in value[0]:
        value = "\n".join(f"Q: {item['question']} / A: {item['answer'] or ''}" for item in value)
    elif isinstance(value, list):  # a photo is listed by the SHA-256 of the file as received
        value = ";".join(
            str(item.get("sha256_original")) if isinstance(item, dict) else str(item) for item in value
        )
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
