"""The dashboard's audit entries: the officer as `officer:<name>`, the detail kept to its limit."""

from __future__ import annotations

from sqlalchemy import select

from dashboard import audit
from servator.storage import AuditEntry


def test_an_entry_names_the_officer_and_keeps_its_detail_short(sessions):
    with sessions() as session:
        audit.record(session, "pc.one", "export", detail="x" * 5000)
        audit.record(session, "pc.one", "view_report", "SRV-20260101-ABCDEF")
        session.commit()
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
    assert [(row.actor, row.action, row.reference) for row in rows] == [
        ("officer:pc.one", "export", None),
        ("officer:pc.one", "view_report", "SRV-20260101-ABCDEF"),
    ]
    assert rows[0].detail == "x" * audit.MAX_DETAIL_CHARS and rows[1].detail is None
