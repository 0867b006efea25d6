"""The dashboard's reads (servator/storage/dashboard_queries.py): what an export, a report page and a
count see."""

from __future__ import annotations

from servator.storage import AuditEntry, Report, store_draft
from servator.storage import dashboard_queries as queries
from tests.support.storage_helpers import full_draft


def test_exports_read_the_matching_reports_newest_first_and_in_the_order_asked(sessions):
    first = store_draft(full_draft("q-1"), sessions)[0]
    second = store_draft(full_draft("q-2", category="unattended_item"), sessions)[0]
    with sessions() as session:
        ids = queries.report_ids(session, [])
        assert [report.reference for report in queries.reports_by_id(session, ids)] == [second, first]
        assert [r.reference for r in queries.reports_by_id(session, list(reversed(ids)))] == [first, second]
        only = [Report.category == "unattended_item"]
        assert queries.count_reports(session, only) == 1 and queries.count_reports(session, []) == 2


def test_a_report_page_reads_its_linked_reports_and_the_newest_audit_entries(sessions):
    reference = store_draft(full_draft("q-3"), sessions)[0]
    with sessions() as session:
        session.add_all(
            AuditEntry(actor=f"officer:{n}", action="view_report", reference=reference) for n in range(3)
        )
        session.commit()
        assert [entry.actor for entry in queries.audit_trail(session, reference, 2)] == [
            "officer:2",
            "officer:1",
        ]
        assert queries.reports_by_reference(session, set()) == {}
        assert list(queries.reports_by_reference(session, {reference, "SRV-20990101-ZZZZZZ"})) == [reference]
