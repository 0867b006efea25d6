"""What an officer does to a report, from the queue or the report's page; each audited.

- `POST /reports/REF/status`: mark reviewed, escalate, close (with an optional note). Closing asks
  first: without `confirm=yes` the answer is a page that asks, naming the report.
- `POST /reports/REF/assign`: `to=me` takes the report on, `to=nobody` hands it back.
- `POST /reports/REF/questions`: a question for the person who reported (`question`; docs/followup.md),
  kept with the report and shown on its page as waiting until they answer.
- `POST /reports/REF/notes`: a note on its own (notes are kept in their own table, shown in their
  own section of the report's page; the audit trail records that a note was added, not its words,
  so a note goes with its report when that is deleted).

Each goes back to where it was asked from (`next`) with what happened in the query string
(`done=...`), which the page shows as a message, with an Undo for a status change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from dashboard.labels import STATUS_LABELS
from dashboard.login import safe_next
from servator.storage import REFERENCE_PATTERN, STATUSES, FollowUps, ReportNotes, ReportRepository, assign

routes = web.RouteTableDef()
# What an officer can set, and the button that says so.
ACTIONS = {"reviewed": "Mark reviewed", "escalated": "Escalate", "closed": "Close"}
MAX_NOTE_CHARS = 500
MAX_QUESTION_CHARS = 1000
DONE_WORDS = {
    "reviewed": "marked reviewed",
    "escalated": "escalated",
    "closed": "closed",
    "new": "reopened as new",
}


@dataclass(frozen=True)
class Notice:
    """What the officer just did, said on the page they come back to."""

    text: str
    reference: str
    undo_status: str | None = None  # the status before a change, for its Undo button


def change_notice(query: Mapping[str, str]) -> Notice | None:
    """The message for `done=...` in the query string (checked: a real reference and statuses only)."""
    reference = (query.get("ref") or "").strip().upper()
    if not REFERENCE_PATTERN.fullmatch(reference):
        return None
    done, to, before = query.get("done"), query.get("to"), query.get("from")
    if done == "status" and to in STATUSES and before in STATUSES:
        return Notice(
            f"Report {reference} {DONE_WORDS[to]} (it was {STATUS_LABELS[before].lower()}).",
            reference,
            before,
        )
    if done == "assigned":
        return Notice(f"Report {reference} is assigned to you.", reference)
    if done == "unassigned":
        return Notice(f"Report {reference} is no longer assigned to anyone.", reference)
    if done == "asked":
        return Notice(f"Your question on report {reference} is saved and waits for an answer.", reference)
    if done == "noted":
        return Notice(f"Your note on report {reference} is saved.", reference)
    return None


def back_to(form: Mapping[str, object], reference: str, **done: str) -> web.HTTPSeeOther:
    """The redirect to where the form came from, with what happened for its message."""
    target = safe_next(str(form.get("next") or f"/reports/{reference}"))
    path, _, query = target.partition("?")
    kept = "&".join(
        part
        for part in query.split("&")
        if part and part.split("=", 1)[0] not in ("done", "ref", "to", "from")
    )
    message = urlencode({**done, "ref": reference})
    return web.HTTPSeeOther(f"{path}?{kept + '&' if kept else ''}{message}")


def _reference(request: web.Request) -> str:
    reference = request.match_info["reference"].strip().upper()
    if not REFERENCE_PATTERN.fullmatch(reference):
        raise web.HTTPBadRequest(reason="unknown report")
    return reference


def _note(form: Mapping[str, object]) -> str:
    return " ".join(str(form.get("note") or "").split())[:MAX_NOTE_CHARS]


@routes.post("/reports/{reference}/status")
async def set_status(request: web.Request) -> web.StreamResponse:
    """Mark reviewed / escalate / close, with an optional note; closing is confirmed first."""
    reference, form = _reference(request), await request.post()
    status, note, officer = str(form.get("status") or ""), _note(form), request["officer"]
    if status not in STATUSES:
        raise web.HTTPBadRequest(reason="unknown action")
    if status == "closed" and form.get("confirm") != "yes":
        context = {"reference": reference, "note": note, "next": safe_next(str(form.get("next") or "/"))}
        return aiohttp_jinja2.render_template("confirm_close.html", request, context)

    def work(session: Session) -> str | None:
        report = ReportRepository(session).get(reference)
        if report is None:
            return None
        previous = str(report.status)
        ReportRepository(session).set_status(reference, status)
        if note:
            ReportNotes(session).add(reference, officer, note)
        detail = f"status {previous} -> {status}" + ("; note added" if note else "")
        audit.record(session, officer, "status", reference, detail)
        session.commit()
        return previous

    previous = await db.run(request, work)
    if previous is None:
        raise web.HTTPNotFound()
    raise back_to(form, reference, done="status", to=status, **{"from": previous})


@routes.post("/reports/{reference}/assign")
async def set_assignee(request: web.Request) -> web.StreamResponse:
    reference, form, officer = _reference(request), await request.post(), request["officer"]
    to = str(form.get("to") or "")
    if to not in ("me", "nobody"):
        raise web.HTTPBadRequest(reason="unknown action")
    assignee = officer if to == "me" else None

    def work(session: Session) -> bool:
        found, previous = assign(session, reference, assignee)
        if found:
            detail = f"assigned to {assignee}" if assignee else "unassigned"
            audit.record(
                session, officer, "assign", reference, detail + (f" (was {previous})" if previous else "")
            )
            session.commit()
        return found

    if not await db.run(request, work):
        raise web.HTTPNotFound()
    raise back_to(form, reference, done="assigned" if assignee else "unassigned")


@routes.post("/reports/{reference}/notes")
async def add_note(request: web.Request) -> web.StreamResponse:
    reference, form, officer = _reference(request), await request.post(), request["officer"]
    note = _note(form)
    if not note:
        raise web.HTTPBadRequest(reason="an empty note")

    def work(session: Session) -> bool:
        if not ReportNotes(session).add(reference, officer, note):
            return False
        audit.record(session, officer, "note", reference, "note added")
        session.commit()
        return True

    if not await db.run(request, work):
        raise web.HTTPNotFound()
    raise back_to(form, reference, done="noted")


@routes.post("/reports/{reference}/questions")
async def ask_reporter(request: web.Request) -> web.StreamResponse:
    """A question for the person who reported: kept with the report, pushed to their Telegram chat if
    they reported there (bot/followup.py), shown to them on the web chat when they check."""
    reference, form, officer = _reference(request), await request.post(), request["officer"]
    question = str(form.get("question") or "").strip()[:MAX_QUESTION_CHARS]
    if not question:
        raise web.HTTPBadRequest(reason="an empty question")

    def work(session: Session) -> bool:
        report = ReportRepository(session).get(reference)
        if report is None:
            return False
        asked = FollowUps(session).ask(report.id, officer, question)
        audit.record(session, officer, "followup_ask", reference, f"question {asked.id} asked")
        session.commit()
        return True

    if not await db.run(request, work):
        raise web.HTTPNotFound()
    raise back_to(form, reference, done="asked")
