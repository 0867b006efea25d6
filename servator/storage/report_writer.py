"""Storing a draft: a new reference, the report and its officer notifications in one transaction.

The one place that writes a report. `submit.submit_report` and `LocalOutbox.flush` both store
through `store_draft`; this module imports neither of them.

Floods from one sender (per sender hash, whatever the channel): a report whose sender already
has a report stored within the hour gets no officer alert of its own (the first one's alert stands
for them all; the dashboard lists each), so no re-alerts either. With a `SenderLimit` (new
submissions; never the outbox, whose reports were already accepted), a sender past the limit gets
`ReportLimitReached` and nothing is stored.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reading.references import REFERENCE_ALPHABET
from servator.storage.draft import ReportDraft
from servator.storage.models import Report, utcnow
from servator.storage.repository import SqlUnitOfWork

REFERENCE_ATTEMPTS = 5
FLOOD_WINDOW = timedelta(hours=1)


class ReportLimitReached(Exception):
    """The sender has made their reports for the hour: nothing was stored."""


@dataclass(frozen=True)
class SenderLimit:
    """At most `reports` new reports per sender hash within FLOOD_WINDOW (0: no limit)."""

    reports: int


def new_reference() -> str:
    """SRV-YYYYMMDD-XXXXXX with 30 bits from `secrets`: unguessable, easy to read aloud."""
    suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"SRV-{utcnow():%Y%m%d}-{suffix}"


def unique_chat_ids(chat_ids: Iterable[str]) -> list[str]:
    """The officer chat ids, trimmed, blanks dropped, each once, in their first order."""
    return list(dict.fromkeys(str(chat).strip() for chat in chat_ids if str(chat).strip()))


def store_draft(
    draft: ReportDraft,
    sessions: Callable[[], Session],
    officer_chat_ids: Iterable[str] = (),
    limit: SenderLimit | None = None,
    follow_up_code_hash: str | None = None,
) -> tuple[str, bool]:
    """(reference, created). Idempotent on submission_key; raises SQLAlchemyError when storage fails,
    ReportLimitReached when `limit` refuses a new report.

    With `follow_up_code_hash`, the report's follow-up code is that one (kept in the same transaction;
    a report stored again keeps the newest, the one its person was told last).
    """
    chats = unique_chat_ids(officer_chat_ids)
    last_error: IntegrityError | None = None
    for _ in range(REFERENCE_ATTEMPTS):
        with SqlUnitOfWork(sessions) as uow:
            existing = uow.reports.get_by_submission_key(draft.submission_key)
            if existing is not None:
                if follow_up_code_hash is not None:
                    uow.followups.issue_code(existing.id, follow_up_code_hash)
                    uow.commit()
                return existing.reference, False
            recent = uow.reports.count_from_sender(draft.sender_hash, utcnow() - FLOOD_WINDOW)
            if limit is not None and 0 < limit.reports <= recent:
                raise ReportLimitReached()
            notify = chats if recent == 0 else []
            report = Report.from_draft(draft, new_reference())
            try:
                uow.reports.add(report)
                # The photos the conversation attached (servator/photos): only those still waiting for it.
                report.attachments = uow.attachments.claim(report, draft.attachments, draft.sender_hash)
                for chat in notify:
                    uow.notifications.add(report, chat)
                if follow_up_code_hash is not None:
                    uow.session.flush()
                    uow.followups.issue_code(report.id, follow_up_code_hash)
                uow.audit.record(
                    f"{draft.channel}:{draft.sender_hash[:12]}",
                    "create",
                    report.reference,
                    f"notify={len(notify)} photos={len(report.attachments)}",
                )
                uow.commit()
                return report.reference, True
            except IntegrityError as error:  # same key committed meanwhile, or a reference clash
                last_error = error
                uow.rollback()
    assert last_error is not None
    raise last_error
