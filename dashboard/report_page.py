"""`/reports/REF`: one report in full, its linked reports with their reasons, officers' notes, its audit
trail, and what an officer can do (dashboard/triage_actions.py). Prints without navigation or buttons.

The person's words are shown as text (Jinja2 escapes everything; CSS keeps their line breaks). The
report's point is handed to the map script (static/vendor, dash-map) in `data-*` attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.triage_actions import ACTIONS, change_notice
from servator import linking
from servator.storage import (
    REFERENCE_PATTERN,
    AttachmentRepository,
    AuditEntry,
    FollowUpQuestion,
    FollowUps,
    Note,
    PhotoInfo,
    Report,
    ReportNotes,
    ReportRepository,
    dashboard_queries,
    points_for,
)

routes = web.RouteTableDef()
MAX_AUDIT_ROWS = 200


@dataclass(frozen=True)
class ReportView:
    report: Report
    links: list[linking.Link]
    cluster: linking.Cluster | None
    trail: list[AuditEntry]
    notes: list[Note]
    linked_reports: dict[str, Report]
    # Where to put it on the map: its own point (a shared location), else its named place's (linking).
    point: tuple[float, float] | None
    point_is_own: bool
    # The report's photos (cleaned copies, served by dashboard/photos.py), in the order received.
    photos: list[PhotoInfo]
    # Officers' questions to the person who reported, oldest first, with their answers.
    questions: list[FollowUpQuestion]
    # Reports officers said are not linked to this one.
    not_linked: list[linking.NotLinked]


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
    linked = dashboard_queries.reports_by_reference(session, others)
    trail = dashboard_queries.audit_trail(session, reference, MAX_AUDIT_ROWS)
    own = report.latitude is not None and report.longitude is not None
    found = points_for(session, [report.id]).get(report.id)
    point = (found.lat, found.lon) if found else None
    notes = ReportNotes(session).for_report(reference)
    photos = AttachmentRepository(session).for_report(report.id)
    followups = FollowUps(session)
    questions = followups.questions(report.id)
    if followups.mark_answers_seen(report.id):
        session.commit()
    not_linked = linking.not_linked(session, reference)
    return ReportView(report, links, cluster, trail, notes, linked, point, own, photos, questions, not_linked)


@routes.get("/reports/{reference}")
async def report_page(request: web.Request) -> web.StreamResponse:
    reference = request.match_info["reference"].strip().upper()
    if not REFERENCE_PATTERN.fullmatch(reference):
        raise web.HTTPNotFound()
    officer = request["officer"]
    view = await db.run(request, lambda session: load_report(session, reference, officer))
    if view is None:
        raise web.HTTPNotFound()
    context: dict[str, Any] = {
        "view": view,
        "r": view.report,
        "actions": ACTIONS,
        "here": request.path,
        "notice": change_notice(request.query),
    }
    return aiohttp_jinja2.render_template("report.html", request, context)
