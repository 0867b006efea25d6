"""submit_report: the one function that decides whether a report is stored or queued.

It stores through `report_writer.store_draft` (one transaction for the report and its
notifications) or, when the database is unreachable, queues the draft in the durable
`LocalOutbox`; it returns one `SubmitResult` either way. With a `SenderLimit`, a sender past it
is refused and nothing is stored or queued (report_writer.py). After the commit, `on_stored` (linking)
is told the reference; whatever it does or raises, the result stands.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from servator.storage.draft import ReportDraft
from servator.storage.followup_codes import hash_code, new_code
from servator.storage.outbox import LocalOutbox
from servator.storage.report_writer import ReportLimitReached, SenderLimit, store_draft, unique_chat_ids

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SubmitResult:
    """Exactly one of stored/queued/refused is true; reference and follow-up code only when stored."""

    stored: bool
    queued: bool
    reference: str | None = None
    refused: bool = False
    follow_up_code: str | None = None


def submit_report(
    draft: ReportDraft,
    sessions: Callable[[], Session] | None,
    outbox: LocalOutbox,
    officer_chat_ids: Iterable[str] = (),
    flush_outbox_first: bool = False,
    on_stored: Callable[[str], None] | None = None,
    limit: SenderLimit | None = None,
) -> SubmitResult:
    """Commit the report (and its notifications) or queue it durably: never both, never neither,
    unless `limit` refuses it (then neither, and the result says refused).

    `sessions` is None when the database could not be reached at all. With `flush_outbox_first`,
    reports queued earlier are stored first, and if that fails this one is queued after them.
    """
    chats = unique_chat_ids(officer_chat_ids)
    try:
        if sessions is None:
            raise OSError("no session factory")
        if flush_outbox_first:
            outbox.flush(sessions, chats)
        code = new_code()
        reference, created = store_draft(draft, sessions, chats, limit, follow_up_code_hash=hash_code(code))
    except ReportLimitReached:
        log.info("report refused: the sender's reports for the hour are made")
        return SubmitResult(stored=False, queued=False, refused=True)
    except (SQLAlchemyError, OSError) as error:
        log.warning("report storage failed (%s); queued in the local outbox", type(error).__name__)
        outbox.put(draft, chats)
        return SubmitResult(stored=False, queued=True, reference=None)
    log.info("report %s %s", reference, "stored" if created else "already stored")
    if on_stored is not None:
        try:
            on_stored(reference)
        except Exception as error:  # noqa: BLE001 - the report is committed; a sweep links it later
            log.warning("after-storage step failed for %s (%s)", reference, type(error).__name__)
    return SubmitResult(stored=True, queued=False, reference=reference, follow_up_code=code)
