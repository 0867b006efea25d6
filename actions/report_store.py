"""The actions' door to storage: slots in, ReportDraft out, one store per process."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions import form_turn as turn
from actions import report_fields as fields
from actions.report_details import ReportDetails, read_details
from servator.config.settings import Settings, sender_hash
from servator.http.metrics import REPORTS, STORAGE_SECONDS
from servator.linking.worker import LinkWorker, linking_sessions
from servator.storage import (
    InvalidDraft,
    LocalOutbox,
    PhotoInfo,
    ReportDraft,
    SenderLimit,
    SessionFactoryOnFirstUse,
    SqlUnitOfWork,
    SubmitResult,
    submit_report,
)

log = logging.getLogger(__name__)
Done = TypeVar("Done")


def _answer_or_none(value: str | None) -> str | None:
    """The person's answer, or None when they gave none (empty, or the "not given" placeholder)."""
    return None if value in (None, "", fields.NOT_GIVEN) else value


def _text_slot(tracker: Tracker, name: str) -> str | None:
    """A text slot's value; any other type means a forged or buggy tracker."""
    value = tracker.get_slot(name)
    if value is not None and not isinstance(value, str):
        raise InvalidDraft(f"{name}: expected text, got {type(value).__name__}")
    return value


def _occurred_at(details: ReportDetails) -> datetime | None:
    when_iso = details.get("when_iso")
    if when_iso is None:
        return None
    try:
        return datetime.fromisoformat(when_iso)
    except (TypeError, ValueError):
        raise InvalidDraft(
            f"when_iso: expected an ISO-8601 date and time, got {type(when_iso).__name__}"
        ) from None


def draft_from_tracker(tracker: Tracker, submission_key: str, guidance: str) -> ReportDraft:
    """Everything the person told us, as the storage layer's input record.

    Raises InvalidDraft (naming the field and its type, never the value) when a slot holds the
    wrong type, as from a forged or buggy tracker; ReportDraft checks the rest.
    """
    text = functools.partial(_text_slot, tracker)
    details = read_details(tracker)
    category = text("report_category") or "other"
    if category not in fields.CATEGORIES:
        raise InvalidDraft("report_category: not one of the report categories")
    consent = text("report_contact_consent") == "yes" and _answer_or_none(text("report_contact")) is not None
    return ReportDraft(
        submission_key=submission_key,
        category=category,
        description=_answer_or_none(text("report_description")),
        location_text=_answer_or_none(text("report_location")),
        location_postcode=details.get("postcode"),
        location_landmark=details.get("place"),
        latitude=details.get("latitude"),
        longitude=details.get("longitude"),
        occurred_text=_answer_or_none(text("report_when")),
        occurred_at=_occurred_at(details),
        still_happening=text("report_ongoing") == "yes",
        people_description=_answer_or_none(text("report_people")),
        vehicle_registration=details.get("registration"),
        vehicle_text=_answer_or_none(text("report_vehicle")),
        direction=_answer_or_none(text("report_direction")),
        contact_consent=consent,
        contact_phone=details.get("contact_phone") if consent else None,
        contact_email=details.get("contact_email") if consent else None,
        sender_hash=sender_hash(tracker.sender_id),
        channel=tracker.get_latest_input_channel() or "rest",
        guidance_given=guidance,
        attachments=details.get("attachments") or [],
        language=turn.language(tracker),
    )


class ReportStore:
    """Submits drafts through submit_report (database first, durable local outbox if it is down)."""

    def __init__(self, database_url: str, outbox_dir: str) -> None:
        self.database_url = database_url
        self.outbox = LocalOutbox(outbox_dir)
        self._session_factory = SessionFactoryOnFirstUse(database_url)
        self._linker: LinkWorker | None = None

    def _sessions(self) -> Callable[[], Session] | None:
        """The session factory, the schema ensured on first use; None while the database is unreachable."""
        try:
            return self._session_factory.get()
        except (SQLAlchemyError, OSError):
            return None

    def sessions(self) -> Callable[[], Session] | None:
        """The session factory for the actions' other storage work (follow-up); None while unreachable."""
        return self._sessions()

    def submit(self, tracker: Tracker, submission_key: str, guidance: str) -> SubmitResult:
        """Commit (or queue) the report, after the reports queued earlier; the result says which.

        Blocking: actions call it through asyncio.to_thread, off the action server's event loop.
        """
        draft = draft_from_tracker(tracker, submission_key, guidance)
        started = time.perf_counter()
        result = submit_report(
            draft,
            self._sessions(),
            self.outbox,
            Settings.from_env().officer_chat_ids,
            flush_outbox_first=True,
            on_stored=self._link_later,
            limit=SenderLimit(Settings.from_env().reports_per_sender_per_hour),
        )
        STORAGE_SECONDS.labels("submit").observe(time.perf_counter() - started)
        REPORTS.labels("stored" if result.stored else "refused" if result.refused else "queued").inc()
        if result.queued:
            self._session_factory.forget()  # the schema is ensured again once the database is back
        return result

    def flush_outbox(self) -> int:
        """Store the reports queued while the database was down (blocking); how many left the outbox.

        The action server calls this at start and on a timer (rasa_sdk_plugins/outbox_flush.py). It
        also starts the linking thread, whose sweep links the reports stored meanwhile (these, and any
        stored before a restart).
        """
        sessions = self._sessions()
        if sessions is None:
            return 0
        self._linking()
        if not self.outbox.stats().queued:
            return 0
        started = time.perf_counter()
        try:
            flushed = self.outbox.flush(sessions, Settings.from_env().officer_chat_ids)
        except (SQLAlchemyError, OSError) as error:
            log.warning("outbox not flushed, storage unavailable (%s)", type(error).__name__)
            self._session_factory.forget()
            return 0
        STORAGE_SECONDS.labels("flush").observe(time.perf_counter() - started)
        REPORTS.labels("flushed").inc(flushed)
        if flushed:
            self._linking().sweep_soon()
        return flushed

    def _linking(self) -> LinkWorker:
        """The process's linking thread (servator.linking.worker), started on first use."""
        if self._linker is None:
            self._linker = LinkWorker(linking_sessions(self.database_url))
        self._linker.start()
        return self._linker

    def _link_later(self, reference: str) -> None:
        """Hand the committed report to the linking thread; returns at once."""
        self._linking().schedule(reference)

    def _in_one_unit_of_work(self, what: str, work: Callable[[SqlUnitOfWork], Done], failed: Done) -> Done:
        """`work` in one unit of work (blocking); `failed` when storage is unreachable, logged as
        "could not WHAT" with the kind of error only."""
        sessions = self._sessions()
        if sessions is None:
            return failed
        try:
            with SqlUnitOfWork(sessions) as uow:
                return work(uow)
        except (SQLAlchemyError, OSError) as error:
            log.warning("could not %s (%s)", what, type(error).__name__)
            self._session_factory.forget()
            return failed

    def forget_conversation(self, sender_id: str) -> bool:
        """Delete every stored event of one conversation, and the photos it sent that no report took
        (blocking); False when storage is unreachable."""

        def forget(uow: SqlUnitOfWork) -> bool:
            uow.conversations.delete_conversation(sender_id)
            uow.attachments.discard_pending(sender_hash(sender_id))
            uow.commit()
            return True

        return self._in_one_unit_of_work("delete a conversation", forget, False)

    def pending_photo(self, sender_id: str, token: str) -> PhotoInfo | None:
        """The conversation's received photo waiting for its report (blocking); None if there is none
        or storage is unreachable."""
        return self._in_one_unit_of_work(
            "read a received photo", lambda uow: uow.attachments.pending(sender_hash(sender_id), token), None
        )

    def discard_photos(self, sender_id: str, token: str | None = None) -> bool:
        """Delete the conversation's received photo `token` (or all of them) that no report took (blocking)."""

        def discard(uow: SqlUnitOfWork) -> bool:
            uow.attachments.discard_pending(sender_hash(sender_id), token)
            uow.commit()
            return True

        return self._in_one_unit_of_work("delete a received photo", discard, False)


@functools.lru_cache(maxsize=1)
def report_store() -> ReportStore:
    """One store per action-server process, created on first use (no engine at import)."""
    settings = Settings.from_env()
    return ReportStore(settings.database_url, settings.outbox_dir)
