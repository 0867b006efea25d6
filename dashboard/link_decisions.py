"""Officers decide on links: `POST /reports/REF/links/OTHER` with `decision=confirmed` (the reports are
connected) or `decision=rejected` ("not linked": the link goes, the pair never links again), from the
report's page or the cluster's; audited on both reports. `/clusters/LNK-…`: a cluster's reports and
every link between them, each with the same two buttons (viewing it is audited).
"""

from __future__ import annotations

from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.triage_actions import back_to, change_notice
from servator import linking
from servator.storage import REFERENCE_PATTERN, ReportRepository

routes = web.RouteTableDef()
AUDIT_ACTIONS = {linking.CONFIRMED: "link_confirmed", linking.REJECTED: "link_rejected"}


def _reference(text: str) -> str:
    reference = text.strip().upper()
    if not REFERENCE_PATTERN.fullmatch(reference):
        raise web.HTTPBadRequest(reason="unknown report")
    return reference


@routes.post("/reports/{reference}/links/{other}")
async def decide_link(request: web.Request) -> web.StreamResponse:
    reference, other = _reference(request.match_info["reference"]), _reference(request.match_info["other"])
    form, officer = await request.post(), request["officer"]
    decision = str(form.get("decision") or "")
    if decision not in linking.DECISIONS:
        raise web.HTTPBadRequest(reason="unknown action")

    def work(session: Session) -> bool:
        decided = linking.decide(session, reference, other, decision, officer)
        if decided is None:
            return False
        clusters = ",".join(decided.clusters) or "none"
        for mine, theirs in ((reference, other), (other, reference)):
            audit.record(session, officer, AUDIT_ACTIONS[decision], mine, f"with {theirs} cluster={clusters}")
        session.commit()
        return True

    if not await db.run(request, work):
        raise web.HTTPNotFound()
    raise back_to(form, reference, done=AUDIT_ACTIONS[decision], to=other)


def load_cluster(session: Session, cluster_id: str, officer: str) -> dict[str, Any] | None:
    found = linking.cluster(session, cluster_id)
    if found is None:
        return None
    audit.record(session, officer, "view_cluster", None, f"cluster={cluster_id}")
    session.commit()
    reports = ReportRepository(session).by_reference(list(found.references))
    return {"cluster": found, "links": linking.cluster_links(session, cluster_id), "reports": reports}


@routes.get("/clusters/{cluster_id}")
async def cluster_page(request: web.Request) -> web.StreamResponse:
    cluster_id = request.match_info["cluster_id"].strip().upper()
    if not linking.CLUSTER_ID_PATTERN.fullmatch(cluster_id):
        raise web.HTTPNotFound()
    officer = request["officer"]
    view = await db.run(request, lambda session: load_cluster(session, cluster_id, officer))
    if view is None:
        raise web.HTTPNotFound()
    context = {**view, "here": request.path, "notice": change_notice(request.query)}
    return aiohttp_jinja2.render_template("cluster.html", request, context)
