"""submit_report: one transaction for the report and its notifications, or the local outbox."""
from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Tuple

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from servator.storage.draft import ReportDraft
from servator.storage.models import Report, utcnow
from servator.storage.repository import SqlUnitOfWork

if TYPE_CHECKING:
    from servator.storage.outbox import LocalOutbox

log = logging.getLogger(__name__)
# No 0/O/1/I: references are read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERENCE_ATTEMPTS = 5


@dataclass(frozen=True)
class SubmitResult:
    """Exactly one of stored/queued is true; reference only when stored."""

    stored: bool
    queued: bool
    reference: Optional[str] = None


def new_reference() -> str:
    """SRV-YYYYMMDD-XXXXXX with 30 bits from `secrets`: unguessable, easy to read aloud."""
    suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"SRV-{utcnow():%Y%m%d}-{suffix}"


def _unique_chat_ids(chat_ids: Iterable[str]) -> list:
    return list(dict.fromkeys(str(chat).strip() for chat in chat_ids if str(chat).strip()))


def store_draft(draft: ReportDraft, sessions: Callable[[], Session],
                officer_chat_ids: Iterable[str] = ()) -> Tuple[str, bool]:
    """(reference, created). Idempotent on submission_key; raises SQLAlchemyError when storage fails."""
    chats = _unique_chat_ids(officer_chat_ids)
    last_error: Optional[IntegrityError] = None
    for _ in range(REFERENCE_ATTEMPTS):
        with SqlUnitOfWork(sessions) as uow:
            existing = uow.reports.get_by_submission_key(draft.submission_key)
            if existing is not None:
                return existing.reference, False
            report = Report.from_draft(draft, new_reference())
            uow.reports.add(report)
            for chat in chats:
                uow.notifications.add(report, chat)
            uow.audit.record(f"{draft.channel}:{draft.sender_hash[:12]}", "create", report.reference,
                             f"notify={len(chats)}")
            try:
                uow.commit()
                return report.reference, True
            except IntegrityError as error:  # same key committed meanwhile, or a reference clash
                last_error = error
                uow.rollback()
    assert last_error is not None
    raise last_error


def submit_report(draft: ReportDraft, sessions: Optional[Callable[[], Session]], outbox: "LocalOutbox",
                  officer_chat_ids: Iterable[str] = ()) -> SubmitResult:
    """Commit the report (and its notifications) or queue it durably: never both, never neither."""
    chats = _unique_chat_ids(officer_chat_ids)
    try:
        if sessions is None:
            raise OSError("no session factory")
        reference, created = store_draft(draft, sessions, chats)
    except (SQLAlchemyError, OSError) as error:
        log.warning("report storage failed (%s); queued in the local outbox", type(error).__name__)
        outbox.put(draft, chats)
        return SubmitResult(stored=False, queued=True, reference=None)
    log.info("report %s %s", reference, "stored" if created else "already stored")
    return SubmitResult(stored=True, queued=False, reference=reference)
