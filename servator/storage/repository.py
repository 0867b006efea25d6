"""Repositories and the unit of work: the reports' reads and writes for the actions, the bot and the
command line (the dashboard's reads are in dashboard_queries.py; linking's, of the reports it links, in
servator.linking)."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.orm import Session, aliased

from servator.storage.attachments import AttachmentRepository
from servator.storage.conversations import ConversationEvents
from servator.storage.followup import FollowUps
from servator.storage.link_tables import LinkDecision, PlateKey
from servator.storage.models import STATUSES, AuditEntry, Notification, Report, ReportNote, utcnow


class ReportRepository:
    """Reports by reference; newest first when listed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, report: Report) -> None:
        self.session.add(report)

    def get(self, reference: str) -> Report | None:
        query = select(Report).where(Report.reference == reference)
        report: Report | None = self.session.execute(query).scalar_one_or_none()
        return report

    def by_reference(self, references: builtins.list[str]) -> dict[str, Report]:
        """The reports among `references` that exist, by reference."""
        query = select(Report).where(Report.reference.in_(references))
        return {report.reference: report for report in self.session.execute(query).scalars()}

    def count_from_sender(self, sender_hash: str, since: datetime) -> int:
        """How many reports the sender (by hash) has had stored since `since`."""
        query = select(func.count(Report.id)).where(
            Report.created_at >= since, Report.sender_hash == sender_hash
        )
        return int(self.session.execute(query).scalar_one())

    def get_by_submission_key(self, submission_key: str) -> Report | None:
        query = select(Report).where(Report.submission_key == submission_key)
        report: Report | None = self.session.execute(query).scalar_one_or_none()
        return report

    def list(
        self, status: str | None = None, since: datetime | None = None, limit: int | None = None
    ) -> builtins.list[Report]:
        query = select(Report).order_by(Report.created_at.desc(), Report.id.desc())
        if status is not None:
            query = query.where(Report.status == _checked_status(status))
        if since is not None:
            query = query.where(Report.created_at >= since)
        if limit is not None:
            query = query.limit(limit)
        return list(self.session.execute(query).scalars())

    def set_status(self, reference: str, status: str) -> Report | None:
        """The updated report, or None when no report has that reference."""
        report = self.get(reference)
        if report is not None:
            report.status = _checked_status(status)
            report.updated_at = utcnow()
        return report

    def purge_older_than(self, cutoff: datetime) -> int:
        """Delete reports created before the cutoff (and their notifications, notes, photos and follow-up); returns how many."""
        old_ids = select(Report.id).where(Report.created_at < cutoff)
        AttachmentRepository(self.session).delete_for_reports(old_ids)
        FollowUps(self.session).delete_for_reports(old_ids)
        for table in (
            Notification,
            ReportNote,
            PlateKey,
        ):  # also cascaded, but not every SQLite connection enforces it
            self.session.execute(
                delete(table).where(table.report_id.in_(old_ids)),
                execution_options={"synchronize_session": False},
            )
        self.session.execute(
            delete(LinkDecision).where(
                LinkDecision.report_a.in_(old_ids) | LinkDecision.report_b.in_(old_ids)
            ),
            execution_options={"synchronize_session": False},
        )
        result = self.session.execute(
            delete(Report).where(Report.created_at < cutoff), execution_options={"synchronize_session": False}
        )
        return int(result.rowcount or 0)


def _checked_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    return status


class AuditLog:
    """Append-only trail: actor is e.g. "cli:alice" or "telegram:<hash>"."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record(
        self, actor: str, action: str, reference: str | None = None, detail: str | None = None
    ) -> None:
        self.session.add(AuditEntry(actor=actor, action=action, reference=reference, detail=detail))

    def entries(self, reference: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if reference is not None:
            query = query.where(AuditEntry.reference == reference)
        if limit is not None:
            query = query.limit(limit)
        return list(self.session.execute(query).scalars())


@dataclass(frozen=True)
class PendingNotification:
    """One alert to send: `realert` is 0 for the first alert about a report in that chat, n for the nth
    re-alert of an urgent report nobody has acknowledged; `urgent` is the report's "still happening".
    kind "report" is about `reference`; kind "cluster" is about the linked-reports cluster `cluster_id`,
    which `reference` joined or formed (never re-alerted)."""

    id: int
    chat_id: str
    reference: str
    attempts: int
    urgent: bool = False
    realert: int = 0
    kind: str = "report"
    cluster_id: str | None = None


@dataclass(frozen=True)
class NotificationBacklog:
    """Alerts written but not yet delivered, and the time the oldest of them was written."""

    pending: int
    oldest: datetime | None


class NotificationOutbox:
    """Officer notifications written with the report; a sender marks them sent or failed.

    The API the senders use: `pending()` (what to send next, urgent first), `mark_sent`,
    `mark_failed`, `schedule_realerts()` (urgent reports nobody acknowledged), `backlog()`.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, report: Report, chat_id: str) -> None:
        report.notifications.append(Notification(chat_id=str(chat_id), status="pending", attempts=0))

    def add_cluster_alert(self, report_id: int, chat_id: str, cluster_id: str) -> None:
        """One alert about a cluster of linked reports, which report `report_id` joined or formed."""
        self.session.add(
            Notification(
                report_id=report_id,
                chat_id=str(chat_id),
                kind="cluster",
                cluster_id=cluster_id,
                status="pending",
                attempts=0,
            )
        )

    def pending(self, limit: int = 50) -> list[PendingNotification]:
        """Urgent ("still happening") reports first, so a flood of others cannot bury one; then fewest
        attempts, so one failing chat does not starve the others; then oldest first."""
        earlier = aliased(Notification)
        realert = (
            select(func.count(earlier.id))
            .where(
                earlier.report_id == Notification.report_id,
                earlier.chat_id == Notification.chat_id,
                earlier.kind == "report",
                earlier.id < Notification.id,
            )
            .scalar_subquery()
        )
        query = (
            select(
                Notification.id,
                Notification.chat_id,
                Report.reference,
                Notification.attempts,
                Report.still_happening,
                realert,
                Notification.kind,
                Notification.cluster_id,
            )
            .join(Report, Notification.report_id == Report.id)
            .where(Notification.status == "pending")
            .order_by(Report.still_happening.desc(), Notification.attempts, Notification.id)
            .limit(limit)
        )
        return [
            PendingNotification(row_id, chat, reference, attempts, bool(urgent), int(rounds), kind, cluster)
            for row_id, chat, reference, attempts, urgent, rounds, kind, cluster in self.session.execute(
                query
            )
        ]

    def mark_sent(self, notification_id: int) -> None:
        row = self.session.get(Notification, notification_id)
        if row is not None:
            row.status, row.sent_at = "sent", utcnow()

    def mark_failed(self, notification_id: int, error_type: str) -> None:
        """Counts the attempt and keeps it pending; error_type is a class name, never a message."""
        row = self.session.get(Notification, notification_id)
        if row is not None:
            row.attempts += 1
            row.last_error = error_type[:128]

    def schedule_realerts(self, sent_before: datetime, max_realerts: int) -> int:
        """A new alert for every urgent report still "new" (nobody acknowledged it) whose last alert to a
        chat was delivered before `sent_before`, at most `max_realerts` times per chat. Returns how many."""
        is_pending = case((Notification.status == "pending", 1), else_=0)
        due = (
            select(Notification.report_id, Notification.chat_id)
            .join(Report, Notification.report_id == Report.id)
            .where(
                and_(Report.still_happening.is_(True), Report.status == "new", Notification.kind == "report")
            )
            .group_by(Notification.report_id, Notification.chat_id)
            .having(
                and_(
                    func.count(Notification.id) <= max_realerts,
                    func.sum(is_pending) == 0,
                    func.max(Notification.sent_at) < sent_before,
                )
            )
        )
        rows = self.session.execute(due).all()
        for report_id, chat_id in rows:
            self.session.add(Notification(report_id=report_id, chat_id=chat_id, status="pending", attempts=0))
        return len(rows)

    def backlog(self) -> NotificationBacklog:
        query = select(func.count(Notification.id), func.min(Notification.created_at)).where(
            Notification.status == "pending"
        )
        pending, oldest = self.session.execute(query).one()
        if oldest is not None and oldest.tzinfo is None:  # min() bypasses the column type on SQLite
            oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=timezone.utc)
        return NotificationBacklog(int(pending or 0), oldest)


class SqlUnitOfWork:
    """One transaction: `with SqlUnitOfWork(sessions) as uow: ...; uow.commit()`.

    Nothing is kept unless commit() is called: closing the session rolls back its transaction.
    Objects read inside stay readable afterwards (no expiry on a clean exit).
    """

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self.session_factory = session_factory

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self.session_factory()
        self.reports = ReportRepository(self.session)
        self.audit = AuditLog(self.session)
        self.notifications = NotificationOutbox(self.session)
        self.conversations = ConversationEvents(self.session)
        self.attachments = AttachmentRepository(self.session)
        self.followups = FollowUps(self.session)
        return self

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        try:
            if exc_type is not None or self.session.new or self.session.dirty or self.session.deleted:
                self.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
