"""The report repository and its unit of work: listing, status changes, purge, audit, notifications."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from servator.storage import (
    Report,
    SqlUnitOfWork,
    submit_report,
)
from tests.support.storage_helpers import (
    full_draft,
    stored_reports,
)

OFFICERS = ["1001", "1002"]


def _backdate(sessions, reference: str, days: int) -> None:
    with sessions() as session, session.begin():
        when = datetime.now(timezone.utc) - timedelta(days=days)
        session.execute(update(Report).where(Report.reference == reference).values(created_at=when))


def test_list_filters_newest_first_and_status_changes(sessions, outbox):
    old = submit_report(full_draft("old"), sessions, outbox, []).reference
    new = submit_report(full_draft("new"), sessions, outbox, []).reference
    _backdate(sessions, old, 10)
    with SqlUnitOfWork(sessions) as uow:
        assert [r.reference for r in uow.reports.list()] == [new, old]
        assert [
            r.reference for r in uow.reports.list(since=datetime.now(timezone.utc) - timedelta(days=1))
        ] == [new]
        assert [r.reference for r in uow.reports.list(limit=1)] == [new]
        assert uow.reports.set_status(old, "escalated").status == "escalated"
        assert uow.reports.set_status("SRV-00000000-AAAAAA", "closed") is None
        with pytest.raises(ValueError):
            uow.reports.set_status(new, "deleted")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        assert [r.reference for r in uow.reports.list(status="escalated")] == [old]
        assert [r.reference for r in uow.reports.list(status="new")] == [new]


def test_changes_without_commit_are_rolled_back(sessions, outbox):
    reference = submit_report(full_draft(), sessions, outbox, []).reference
    with SqlUnitOfWork(sessions) as uow:
        uow.reports.set_status(reference, "closed")
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.get(reference).status == "new"


def test_purge_deletes_old_reports_and_their_notifications(sessions, outbox):
    old = submit_report(full_draft("old"), sessions, outbox, OFFICERS).reference
    new = submit_report(full_draft("new"), sessions, outbox, OFFICERS).reference
    _backdate(sessions, old, 400)
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.purge_older_than(datetime.now(timezone.utc) - timedelta(days=365)) == 1
        uow.commit()
    assert [r.reference for r in stored_reports(sessions)] == [new]
    with SqlUnitOfWork(sessions) as uow:
        assert {n.reference for n in uow.notifications.pending(10)} == {new}


def test_audit_records_who_did_what_and_when(sessions, outbox):
    draft = full_draft()
    reference = submit_report(draft, sessions, outbox, OFFICERS).reference
    with SqlUnitOfWork(sessions) as uow:
        uow.audit.record("cli:alice", "mark", reference, "status new -> reviewed")
        uow.audit.record("telegram:abc123", "list")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        entries = uow.audit.entries()
        mine = uow.audit.entries(reference=reference)
    assert [(e.actor, e.action) for e in entries] == [
        (f"telegram:{draft.sender_hash[:12]}", "create"),
        ("cli:alice", "mark"),
        ("telegram:abc123", "list"),
    ]
    assert [e.action for e in mine] == ["create", "mark"]
    assert all(
        e.at.tzinfo is not None and abs(e.at - datetime.now(timezone.utc)) < timedelta(minutes=5)
        for e in entries
    )
    assert all(draft.description not in (e.detail or "") for e in entries)


def test_notification_sent_and_failed_bookkeeping(sessions, outbox):
    submit_report(full_draft(), sessions, outbox, OFFICERS)
    with SqlUnitOfWork(sessions) as uow:
        first, second = uow.notifications.pending(10)
        uow.notifications.mark_sent(first.id)
        uow.notifications.mark_failed(second.id, "NetworkError")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        [still] = uow.notifications.pending(10)
    assert (still.id, still.chat_id, still.attempts) == (second.id, second.chat_id, 1)


def test_reports_by_reference_skip_the_ones_that_do_not_exist(sessions, outbox):
    first = submit_report(full_draft("key-1"), sessions, outbox, OFFICERS).reference
    second = submit_report(full_draft("key-2"), sessions, outbox, OFFICERS).reference
    with SqlUnitOfWork(sessions) as uow:
        found = uow.reports.by_reference([first, second, "SRV-20260101-ZZZZZZ"])
        assert sorted(found) == sorted([first, second])
        assert found[first].reference == first
