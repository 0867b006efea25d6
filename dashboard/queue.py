"""The triage queue `/` and its data for the page's polling `/api/queue`.

New and escalated reports (or what the filter and the search ask for): still happening first, then
newest, 50 a page; or sorted by when the thing was seen or when it was reported (`sort=`). Each row
has a snippet of the description, both times, who it is assigned to, and what an officer can do
(dashboard/triage_actions.py). queue.js asks `/api/queue` with the same query every few seconds and
swaps the rows in when they changed, so a report filed a moment ago appears without a reload.
Opening the page is audited; its polling is not (it would fill the audit table with one line every
few seconds per officer).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.filters import ReportFilter
from dashboard.login import safe_next
from dashboard.triage_actions import ACTIONS, change_notice
from servator.linking import link_summaries
from servator.storage import CATEGORY_LABELS, FollowUps, QueueRow, queue_page

routes = web.RouteTableDef()
PAGE_SIZE = 50
QUEUE_STATUSES = ("new", "escalated")
DEFAULT_SORT = "urgent"
# The sortable columns: their descending and ascending orders (servator.storage.triage.SORTS).
SORTABLE = {"seen": ("seen", "seen_asc"), "reported": ("reported", "reported_asc")}
SORTS = (DEFAULT_SORT, *(order for orders in SORTABLE.values() for order in orders))


@dataclass(frozen=True)
class Queue:
    rows: list[QueueRow]
    linked: dict[int, int]  # report id -> how many reports are linked to it
    total: int
    page: int
    sort: str
    # The reports with an answer from the person who reported that no officer has seen yet.
    new_answers: frozenset[int] = frozenset()

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def signature(self) -> str:
        """Changes whenever what the page shows changes (the polling compares it)."""
        text = f"{self.total}|" + "|".join(
            f"{r.reference}:{r.status}:{self.linked.get(r.id, 0)}:{r.assigned_to}:{r.id in self.new_answers}"
            for r in self.rows
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def page_number(text: str | None) -> int:
    try:
        return max(1, min(int(text or "1"), 100_000))
    except ValueError:
        return 1


def sort_order(text: str | None) -> str:
    return text if text in SORTS else DEFAULT_SORT


def load_queue(session: Session, report_filter: ReportFilter, page: int, sort: str) -> Queue:
    total, found = queue_page(session, report_filter.where(), sort, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    links = link_summaries(session, [row.id for row in found])
    linked = {report_id: len(references) for report_id, (references, _) in links.items()}
    answered = FollowUps(session).with_new_answers([row.id for row in found])
    return Queue(found, linked, total, page, sort, frozenset(answered))


def sort_links(report_filter: ReportFilter, sort: str) -> dict[str, dict[str, str]]:
    """For each sortable column: the link that sorts by it (newest first, or flipped when it already
    is) and its `aria-sort` state."""
    links = {}
    for column, (descending, ascending) in SORTABLE.items():
        target = ascending if sort == descending else descending
        state = "descending" if sort == descending else "ascending" if sort == ascending else "none"
        links[column] = {
            "href": "/?" + urlencode([*report_filter.query_items(), ("sort", target)]),
            "state": state,
        }
    return links


def queue_context(request: web.Request, queue: Queue, report_filter: ReportFilter) -> dict[str, object]:
    query = urlencode(
        [*report_filter.query_items(), *([("sort", queue.sort)] if queue.sort != DEFAULT_SORT else [])]
    )
    return {
        "queue": queue,
        "filter": report_filter,
        "actions": ACTIONS,
        "categories": CATEGORY_LABELS,
        "here": request.path_qs,
        "query": query,
        "export_query": report_filter.query_string(),
        "sorting": sort_links(report_filter, queue.sort),
    }


@routes.get("/")
async def queue_view(request: web.Request) -> web.StreamResponse:
    officer = request["officer"]
    report_filter = ReportFilter.from_query(request.query, QUEUE_STATUSES, officer=officer)
    page, sort = page_number(request.query.get("page")), sort_order(request.query.get("sort"))

    def work(session: Session) -> Queue:
        queue = load_queue(session, report_filter, page, sort)
        audit.record(session, officer, "view_queue", detail=f"{report_filter.describe()}; page={page}")
        session.commit()
        return queue

    queue = await db.run(request, work)
    context = queue_context(request, queue, report_filter)
    context["notice"] = change_notice(request.query)
    return aiohttp_jinja2.render_template("queue.html", request, context)


@routes.get("/api/queue")
async def queue_data(request: web.Request) -> web.Response:
    """The rows (rendered by the same template as the page) and a signature that changes with them."""
    report_filter = ReportFilter.from_query(request.query, QUEUE_STATUSES, officer=request["officer"])
    page, sort = page_number(request.query.get("page")), sort_order(request.query.get("sort"))
    queue = await db.run(request, lambda session: load_queue(session, report_filter, page, sort))
    context = queue_context(request, queue, report_filter)
    context.update(
        request=request,
        officer=request["officer"],
        csrf_token=request["csrf_token"],
        here=safe_next(request.query.get("here")),
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
