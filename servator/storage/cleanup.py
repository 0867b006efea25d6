"""Deleting the officer-side records that outlive their use: the audit trail, signed-in sessions and
failed sign-ins. Used by retention (`servator purge`, and `servator run` at start and daily) and by
the dashboard itself, so both apply the same rule."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from servator.storage.models import AuditEntry, Report, utcnow
from servator.storage.officer_tables import OfficerSession, SignInFailure


def delete_audit_before(session: Session, cutoff: datetime) -> int:
    """Audit entries older than the cutoff, and every entry about a report created before it (officers'
    notes included): run before the reports themselves are deleted. How many."""
    old_reports = select(Report.reference).where(Report.created_at < cutoff)
    result = session.execute(
        delete(AuditEntry).where(or_(AuditEntry.at < cutoff, AuditEntry.reference.in_(old_reports))),
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount or 0)


def delete_sessions_past(session: Session, idle: timedelta, absolute: timedelta) -> int:
    """Signed-in sessions unused for `idle` or begun more than `absolute` ago; how many."""
    now = utcnow()
    gone = or_(OfficerSession.last_seen_at < now - idle, OfficerSession.created_at < now - absolute)
    result = session.execute(
        delete(OfficerSession).where(gone), execution_options={"synchronize_session": False}
    )
    return int(result.rowcount or 0)


def sign_in_failures_cutoff(lockout_minutes: float) -> datetime:
    """Failed sign-ins before this are too old to count (twice the lockout window)."""
    return utcnow() - timedelta(minutes=lockout_minutes) * 2


def delete_sign_in_failures_before(session: Session, cutoff: datetime) -> int:
    """Failed sign-ins recorded before the cutoff (too old to count); how many."""
    result = session.execute(
        delete(SignInFailure).where(SignInFailure.at < cutoff),
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount or 0)
