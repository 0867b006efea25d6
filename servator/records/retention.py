"""Retention: everything that holds personal data is deleted once it is older than its period.

`servator purge --older-than DAYS` (and `servator reports purge`, the same command) deletes reports
(with their notifications, notes, links and photos), the audit trail about them and any audit entry
older than DAYS, the outbox's set-aside files older than DAYS, and Rasa's conversation events older
than DAYS, with the photos received in conversations that never became a report; without
`--older-than` it uses REPORT_RETENTION_DAYS and CONVERSATION_RETENTION_DAYS. Every run also
deletes dashboard sessions past their lifetime and failed sign-ins too old to count. `servator run`
applies the same at start and then once a day (`DailyPurge`, a thread in the runner process: no
scheduler library). Every purge is audited. servator/records/retention_rules.py lists the rule of
every table and file store.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy.exc import SQLAlchemyError

from servator.config.settings import Settings
from servator.storage import LocalOutbox, SqlUnitOfWork, ensure_schema, make_session_factory
from servator.storage.cleanup import (
    delete_audit_before,
    delete_sessions_past,
    delete_sign_in_failures_before,
    sign_in_failures_cutoff,
)

DAY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class PurgeResult:
    reports: int
    conversation_events: int
    report_cutoff: datetime
    conversation_cutoff: datetime
    audit_entries: int = 0
    set_aside_files: int = 0
    sign_in_failures: int = 0
    officer_sessions: int = 0

    def summary(self) -> str:
        return (
            f"purged {self.reports} report(s) created before {self.report_cutoff:%Y-%m-%d %H:%M} UTC and "
            f"{self.conversation_events} conversation event(s) before {self.conversation_cutoff:%Y-%m-%d %H:%M} UTC; "
            f"{self.audit_entries} audit entries, {self.set_aside_files} set-aside outbox file(s), "
            f"{self.sign_in_failures} failed sign-in(s), {self.officer_sessions} ended session(s)"
        )


def purge(
    database_url: str,
    report_days: int,
    conversation_days: int,
    actor: str,
    settings: Settings | None = None,
) -> PurgeResult:
    """Delete everything past its period in one transaction (and the set-aside files), and audit it.
    `settings` gives the outbox folder and the dashboard's session and sign-in periods."""
    settings = settings or Settings.from_env()
    now = datetime.now(timezone.utc)
    report_cutoff = now - timedelta(days=report_days)
    conversation_cutoff = now - timedelta(days=conversation_days)
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    try:
        with SqlUnitOfWork(sessions) as uow:
            audit = delete_audit_before(uow.session, report_cutoff)
            reports = uow.reports.purge_older_than(report_cutoff)
            from servator.linking import repair_clusters

            repair_clusters(uow.session)
            events = uow.conversations.purge_older_than(conversation_cutoff)
            photos = uow.attachments.purge_pending_before(conversation_cutoff)
            failures = delete_sign_in_failures_before(
                uow.session, sign_in_failures_cutoff(settings.dashboard_lockout_minutes)
            )
            failures += uow.followups.forget_failures()
            ended = delete_sessions_past(
                uow.session,
                timedelta(minutes=settings.dashboard_idle_minutes),
                timedelta(hours=settings.dashboard_session_hours),
            )
            files = LocalOutbox(settings.outbox_dir).purge_set_aside(report_cutoff.timestamp())
            uow.audit.record(
                actor,
                "purge",
                detail=(
                    f"reports_older_than_days={report_days} count={reports} "
                    f"conversations_older_than_days={conversation_days} events={events} "
                    f"unclaimed_photos={photos} audit_entries={audit} set_aside_files={files} "
                    f"sign_in_failures={failures} sessions={ended}"
                ),
            )
            uow.commit()
    finally:
        sessions.kw["bind"].dispose()
    return PurgeResult(reports, events, report_cutoff, conversation_cutoff, audit, files, failures, ended)


class DailyPurge:
    """Runs `purge` with the retention settings at start and every `interval` seconds after.

    `tick()` is called from the runner's supervision loop; the purge itself runs in a thread so a
    slow database never holds up the supervision of the servers.
    """

    def __init__(self, settings: Settings, interval: float = DAY_SECONDS) -> None:
        self.settings = settings
        self.interval = interval
        self.next_run = 0.0
        self._thread: threading.Thread | None = None

    def tick(self, now: float | None = None) -> bool:
        """Start a purge if one is due and none is running; True if one was started."""
        now = time.monotonic() if now is None else now
        if now < self.next_run or (self._thread is not None and self._thread.is_alive()):
            return False
        self.next_run = now + self.interval
        self._thread = threading.Thread(target=self.run_once, name="retention", daemon=True)
        self._thread.start()
        return True

    def run_once(self) -> PurgeResult | None:
        settings = self.settings
        try:
            result = purge(
                settings.database_url,
                settings.report_retention_days,
                settings.conversation_retention_days,
                "servator-run:retention",
                settings,
            )
        except (SQLAlchemyError, OSError) as error:
            print(
                f"Retention: storage unreachable ({type(error).__name__}); will try again.", file=sys.stderr
            )
            self.next_run = time.monotonic() + min(self.interval, 3600)
            return None
        print(f"Retention: {result.summary()}.", flush=True)
        return result

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
