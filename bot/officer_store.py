"""The bot's blocking door to report storage; callers run these in a thread (asyncio.to_thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from servator.storage import PendingNotification, SessionFactoryOnFirstUse, SqlUnitOfWork
from servator.storage.models import utcnow


class OfficerStore:
    """Reports, audit and notifications through the storage unit of work; schema made on first use."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._session_factory = SessionFactoryOnFirstUse(database_url)

    def sessions(self) -> Callable[[], Session]:
        return self._session_factory.get()

    def latest_new(self, limit: int) -> list[dict[str, Any]]:
        with SqlUnitOfWork(self.sessions()) as uow:
            return [report.to_dict() for report in uow.reports.list(status="new", limit=limit)]

    def report(self, reference: str) -> dict[str, Any] | None:
        with SqlUnitOfWork(self.sessions()) as uow:
            report = uow.reports.get(reference)
            return report.to_dict() if report is not None else None

    def audit(self, actor: str, action: str, reference: str | None = None, detail: str | None = None) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.audit.record(actor, action, reference=reference, detail=detail)
            uow.commit()

    def view(self, actor: str, reference: str) -> dict[str, Any] | None:
        """The report, with the officer's look at it audited in the same transaction."""
        with SqlUnitOfWork(self.sessions()) as uow:
            report = uow.reports.get(reference)
            if report is None:
                return None
            uow.audit.record(actor, "telegram_view", reference=reference)
            uow.commit()
            return report.to_dict()

    def acknowledge(self, actor: str, reference: str) -> bool:
        """Mark reviewed and audit it together; False when there is no such report."""
        with SqlUnitOfWork(self.sessions()) as uow:
            if uow.reports.set_status(reference, "reviewed") is None:
                return False
            uow.audit.record(actor, "telegram_ack", reference=reference, detail="status=reviewed")
            uow.commit()
            return True

    def links(self, actor: str, reference: str) -> tuple[list[Any], Any] | None:
        """(links, cluster) of a report, the look audited in the same transaction; None when unknown."""
        from servator import linking

        with SqlUnitOfWork(self.sessions()) as uow:
            if uow.reports.get(reference) is None:
                return None
            links = linking.links_for(uow.session, reference)
            cluster_id = linking.cluster_for(uow.session, reference)
            cluster = linking.cluster(uow.session, cluster_id) if cluster_id else None
            uow.audit.record(actor, "telegram_links", reference=reference, detail=f"count={len(links)}")
            uow.commit()
            return links, cluster

    def cluster_alert(self, cluster_id: str) -> dict[str, Any] | None:
        """What an alert about a cluster may say (servator.linking.alert_view), or None when it is gone."""
        from servator import linking

        with SqlUnitOfWork(self.sessions()) as uow:
            return linking.alert_view(uow.session, cluster_id)

    def pending(self, limit: int) -> list[PendingNotification]:
        with SqlUnitOfWork(self.sessions()) as uow:
            return uow.notifications.pending(limit)

    def mark_sent(self, notification_id: int) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.notifications.mark_sent(notification_id)
            uow.commit()

    def mark_failed(self, notification_id: int, error_type: str) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.notifications.mark_failed(notification_id, error_type)
            uow.commit()

    def schedule_realerts(self, after_seconds: float, max_realerts: int) -> int:
        """Queue re-alerts for urgent reports nobody acknowledged `after_seconds` after their last alert."""
        with SqlUnitOfWork(self.sessions()) as uow:
            added = uow.notifications.schedule_realerts(
                utcnow() - timedelta(seconds=after_seconds), max_realerts
            )
            uow.commit()
            return added
