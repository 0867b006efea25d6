"""The triage queue `/`, its data for the page's polling `/api/queue`, and the status actions.

New and escalated reports (or what the filter asks for): still happening first, then newest, 50 a
page. queue.js asks `/api/queue` with the same query every few seconds and swaps the rows in when
they changed, so a report filed a moment ago appears without a reload. Opening the page is audited;
its polling is not (it would fill the audit table with one line every few seconds per officer).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.filters import ReportFilter
from dashboard.login import safe_next
from servator.linking import link_summaries
from servator.storage import REFERENCE_PATTERN, Report, ReportRepository

routes = web.RouteTableDef()
PAGE_SIZE = 50
QUEUE_STATUSES = ("new", "escalated")
# What an officer can set, and the button that says so.
ACTIONS = {"reviewed": "Mark reviewed", "escalated": "Escalate", "closed": "Close"}
MAX_NOTE_CHARS = 500


@dataclass(frozen=True)
class Row:
    reference: str
    created_at: datetime
    category: str
    place: str
    urgent: bool
    status: str
    linked: int


@dataclass(frozen=True)
class Queue:
    rows: list[Row]
    total: int
    page: int
    categories: list[str]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def signature(self) -> str:
        """Changes whenever what the page shows changes (the polling compares it)."""
        text = f"{self.total}|" + "|".join(f"{r.reference}:{r.status}:{r.linked}" for r in self.rows)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def page_number(text: str | None) -> int:
    try:
        return max(1, min(int(text or "1"), 100_000))
    except ValueError:
        return 1


def load_queue(session: Session, report_filter: ReportFilter, page: int) -> Queue:
    conditions = report_filter.where()
    total = session.execute(select(func.count(Report.id)).where(*conditions)).scalar_one()
    found = session.execute(
        select(
            Report.id,
            Report.reference,
            Report.created_at,
            Report.category,
            Report.location_text,
            Report.still_happening,
            Report.status,
        )
        .where(*conditions)
        .order_by(Report.still_happening.desc(), Report.created_at.desc(), Report.id.desc())
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    links = link_summaries(session, [row.id for row in found])
    rows = [
        Row(
            row.reference,
            row.created_at,
            row.category,
            " ".join(row.location_text.split()),
            bool(row.still_happening),
            row.status,
            len(links.get(row.id, ([], None))[0]),
        )
        for row in found
    ]
    categories = sorted(session.execute(select(Report.category).distinct()).scalars())
    return Queue(rows, int(total), page, categories)


def queue_context(request: web.Request, queue: Queue, report_filter: ReportFilter) -> dict[str, object]:
    return {
        "queue": queue,
        "filter": report_filter,
        "actions": ACTIONS,
        "here": request.path_qs,
        "query": report_filter.query_string(),
    }


@routes.get("/")
async def queue_page(request: web.Request) -> web.StreamResponse:
    report_filter = ReportFilter.from_query(request.query, QUEUE_STATUSES)
    page, officer = page_number(request.query.get("page")), request["officer"]

    def work(session: Session) -> Queue:
        queue = load_queue(session, report_filter, page)
        audit.record(session, officer, "view_queue", detail=f"{report_filter.describe()}; page={page}")
        session.commit()
        return queue

    queue = await db.run(request, work)
    return aiohttp_jinja2.render_template("queue.html", request, queue_context(request, queue, report_filter))


@routes.get("/api/queue")
async def queue_data(request: web.Request) -> web.Response:
    """The rows (rendered by the same template as the page) and a signature that changes with them."""
    report_filter = ReportFilter.from_query(request.query, QUEUE_STATUSES)
    page = page_number(request.query.get("page"))
    queue = await db.run(request, lambda session: load_queue(session, report_filter, page))
    context = queue_context(request, queue, report_filter)
    context.update(
        request=request, csrf_token=request["csrf_token"], here=safe_next(request.query.get("here"))
    )
    rows = aiohttp_jinja2.render_string("queue_rows.html", request, context)
    return web.json_response(
        {
            "total": queue.total,
            "page": queue.page,
            "signature": queue.signature,
            "references": [row.reference for row in queue.rows],
            "html": rows,
        },
        headers={"Cache-Control": "no-store"},
    )


@routes.post("/reports/{reference}/status")
async def set_status(request: web.Request) -> web.StreamResponse:
    """Mark reviewed / escalate / close, with an optional note; audited; back to where it was asked."""
    reference = request.match_info["reference"].strip().upper()
    form = await request.post()
    status, note = str(form.get("status") or ""), " ".join(str(form.get("note") or "").split())
    if not REFERENCE_PATTERN.fullmatch(reference) or status not in ACTIONS:
        raise web.HTTPBadRequest(reason="unknown report or action")
    note, officer = note[:MAX_NOTE_CHARS], request["officer"]

    def work(session: Session) -> str | None:
        report = ReportRepository(session).get(reference)
        if report is None:
            return None
        previous = str(report.status)
        report.status = status
        detail = f"status {previous} -> {status}" + (f"; note: {note}" if note else "")
        audit.record(session, officer, "status", reference, detail)
        session.commit()
        return previous

    if await db.run(request, work) is None:
        raise web.HTTPNotFound()
    raise web.HTTPSeeOther(safe_next(str(form.get("next") or f"/reports/{reference}")))
