"""`/reports/REF`: one report in full, its linked reports with their reasons, its audit trail.

The person's words are shown as text (Jinja2 escapes everything; CSS keeps their line breaks). The
report's point is handed to the map script (static/vendor, dash-map) in `data-*` attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.queue import ACTIONS
from servator import linking
from servator.storage import (
    REFERENCE_PATTERN,
    AttachmentRepository,
    AuditEntry,
    PhotoInfo,
    Report,
    ReportFeatures,
    ReportRepository,
)

routes = web.RouteTableDef()
MAX_AUDIT_ROWS = 200


@dataclass(frozen=True)
class ReportView:
    report: Report
    links: list[linking.Link]
    cluster: linking.Cluster | None
    trail: list[AuditEntry]
    linked_reports: dict[str, Report]
    # Where to put it on the map: its own point (a shared location), else its named place's (linking).
    point: tuple[float, float] | None
    point_is_own: bool
    # The report's photos (cleaned copies, served by dashboard/photos.py), in the order received.
    photos: list[PhotoInfo]


def load_report(session: Session, reference: str, officer: str) -> ReportView | None:
    report = ReportRepository(session).get(reference)
    if report is None:
        return None
    audit.record(session, officer, "view_report", reference)
    session.commit()
    links = linking.links_for(session, reference)
    cluster_id = linking.cluster_for(session, reference)
    cluster = linking.cluster(session, cluster_id) if cluster_id else None
    others = {link.reference for link in links}
    linked = (
        {
            row.reference: row
            for row in session.execute(select(Report).where(Report.reference.in_(others))).scalars()
        }
        if others
        else {}
    )
    trail = list(
        session.execute(
            select(AuditEntry)
            .where(AuditEntry.reference == reference)
            .order_by(AuditEntry.id.desc())
            .limit(MAX_AUDIT_ROWS)
        ).scalars()
    )
    own = report.latitude is not None and report.longitude is not None
    point = (report.latitude, report.longitude) if own else None
    if point is None:
        found = session.execute(
            select(ReportFeatures.lat, ReportFeatures.lon).where(ReportFeatures.report_id == report.id)
        ).first()
        point = (found.lat, found.lon) if found and found.lat is not None and found.lon is not None else None
    photos = AttachmentRepository(session).for_report(report.id)
    return ReportView(report, links, cluster, trail, linked, point, own, photos)


@routes.get("/reports/{reference}")
async def report_page(request: web.Request) -> web.StreamResponse:
    reference = request.match_info["reference"].strip().upper()
    if not REFERENCE_PATTERN.fullmatch(reference):
        raise web.HTTPNotFound()
    officer = request["officer"]
    view = await db.run(request, lambda session: load_report(session, reference, officer))
    if view is None:
        raise web.HTTPNotFound()
    context: dict[str, Any] = {"view": view, "r": view.report, "actions": ACTIONS, "here": request.path}
    return aiohttp_jinja2.render_template("report.html", request, context)
