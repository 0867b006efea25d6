"""Deleting what outlives its use: old audit entries, idle or old sign-ins, and old failed sign-ins."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from servator.storage import AuditEntry, Report, SqlUnitOfWork, submit_report
from servator.storage.cleanup import (
    delete_audit_before,
    delete_sessions_past,
    delete_sign_in_failures_before,
    sign_in_failures_cutoff,
)
from servator.storage.models import utcnow
from servator.storage.officer_tables import OfficerAccount, OfficerSession, SignInFailure
from tests.support.storage_helpers import full_draft


def test_audit_entries_about_old_reports_go_even_when_recent(sessions, outbox):
    old = submit_report(full_draft("old"), sessions, outbox).reference
    new = submit_report(full_draft("new"), sessions, outbox).reference
    cutoff = utcnow() - timedelta(days=365)
    with SqlUnitOfWork(sessions) as uow:
        uow.audit.record("cli:alice", "note", old, "a note about the old report")
        uow.session.execute(
            update(Report).where(Report.reference == old).values(created_at=cutoff - timedelta(days=1))
        )
        uow.commit()
    with sessions() as session:
        assert delete_audit_before(session, cutoff) == 2  # its "create" and the officer's note
        session.commit()
        left = session.execute(select(AuditEntry.reference)).scalars().all()
    assert left == [new]


def test_sessions_go_when_idle_or_too_old_and_failures_after_twice_the_lockout(sessions):
    now = utcnow()
    with sessions() as session:
        account = OfficerAccount(username="bob", password_hash="x")
        session.add(account)
        session.flush()
        for token, begun, seen in (
            ("fresh", now - timedelta(hours=1), now),
            ("idle", now - timedelta(hours=1), now - timedelta(minutes=45)),
            ("too-old", now - timedelta(hours=13), now),
        ):
            session.add(
                OfficerSession(
                    token_hash=token,
                    account_id=account.id,
                    csrf_token="c",
                    created_at=begun,
                    last_seen_at=seen,
                )
            )
        session.add_all(
            [
                SignInFailure(at=now - timedelta(minutes=40), address_hash="a"),
                SignInFailure(at=now - timedelta(minutes=20), address_hash="a"),
            ]
        )
        session.commit()
        assert delete_sessions_past(session, idle=timedelta(minutes=30), absolute=timedelta(hours=12)) == 2
        assert delete_sign_in_failures_before(session, sign_in_failures_cutoff(15)) == 1
        session.commit()
        assert session.execute(select(OfficerSession.token_hash)).scalars().all() == ["fresh"]
        assert len(session.execute(select(SignInFailure)).scalars().all()) == 1
