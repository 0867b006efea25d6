"""submit_report on SQLite and PostgreSQL: every field stored, idempotence, one transaction with the
notifications, and the durable outbox when storage is down."""

from __future__ import annotations

import json
import re
import stat
from datetime import datetime, timezone

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from servator.storage import (
    Notification,
    Report,
    ReportRepository,
    SqlUnitOfWork,
    ensure_schema,
    make_session_factory,
    store_draft,
    submit_report,
)
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import (
    INJECTION,
    UNREACHABLE_POSTGRES,
    full_draft,
    row_count,
    sender_of,
    stored_reports,
)

OFFICERS = ["1001", "1002"]
REFERENCE = re.compile(r"^SRV-(\d{8})-([A-HJ-NP-Z2-9]{6})$")


def test_submit_stores_every_field_with_a_well_formed_reference(sessions, outbox):
    photos = [received_photo(sessions, sender_of("key-1")), received_photo(sessions, sender_of("key-1"))]
    draft = full_draft(attachments=photos)
    result = submit_report(draft, sessions, outbox, OFFICERS)
    assert result.stored and not result.queued
    match = REFERENCE.match(result.reference or "")
    assert match and match.group(1) == datetime.now(timezone.utc).strftime("%Y%m%d")
    [report] = stored_reports(sessions)
    exported = report.to_dict()
    expected = draft.to_dict()
    assert {key: exported[key] for key in expected} == expected
    assert exported["reference"] == result.reference and exported["status"] == "new"
    assert datetime.fromisoformat(exported["created_at"]).tzinfo is not None
    assert json.loads(json.dumps(exported)) == exported, "the export object is plain JSON"
    assert outbox.pending() == []


def test_resubmitting_the_same_key_returns_the_same_reference(sessions, outbox):
    first = submit_report(full_draft("same"), sessions, outbox, OFFICERS)
    again = submit_report(full_draft("same", description="edited"), sessions, outbox, ["9999"])
    assert (again.stored, again.reference) == (first.stored, first.reference)
    assert again.follow_up_code != first.follow_up_code, "the reply given again has a new code"
    assert (
        len(stored_reports(sessions)) == 1
        and stored_reports(sessions)[0].description == "a man filming the embassy gate"
    )
    assert row_count(sessions, Notification) == 2


def test_a_concurrent_insert_of_the_same_key_is_not_a_duplicate(sessions, outbox, monkeypatch):
    reference, created = store_draft(full_draft("race"), sessions, OFFICERS)
    assert created
    # The other process committed between our look-up and our insert: the unique key catches it.
    real_lookup = ReportRepository.get_by_submission_key
    calls = []

    def miss_first_time(self, key):
        calls.append(key)
        return None if len(calls) == 1 else real_lookup(self, key)

    monkeypatch.setattr(ReportRepository, "get_by_submission_key", miss_first_time)
    result = submit_report(full_draft("race"), sessions, outbox, OFFICERS)
    assert result.stored and result.reference == reference and len(calls) == 2
    assert len(stored_reports(sessions)) == 1 and row_count(sessions, Notification) == 2


def test_contact_details_are_dropped_without_consent(sessions, outbox):
    draft = full_draft(contact_consent=False, contact_phone="07700900123", contact_email="me@example.org")
    submit_report(draft, sessions, outbox, [])
    [report] = stored_reports(sessions)
    assert (report.contact_consent, report.contact_phone, report.contact_email) == (False, None, None)


def test_one_pending_notification_per_officer_chat(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox, OFFICERS + ["1001"])
    with SqlUnitOfWork(sessions) as uow:
        pending = uow.notifications.pending(10)
    assert sorted(n.chat_id for n in pending) == OFFICERS
    assert {(n.reference, n.attempts) for n in pending} == {(result.reference, 0)}


def test_report_and_notifications_commit_together_or_not_at_all(sessions, outbox):
    def fail_after_notifications_are_written(session, _context):
        if any(isinstance(obj, Notification) for obj in session.new):
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    event.listen(sessions, "after_flush", fail_after_notifications_are_written)
    result = submit_report(full_draft(), sessions, outbox, OFFICERS)
    event.remove(sessions, "after_flush", fail_after_notifications_are_written)
    assert (result.stored, result.queued, result.reference) == (False, True, None)
    assert row_count(sessions, Report) == 0 and row_count(sessions, Notification) == 0
    assert outbox.flush(sessions) == 1
    assert row_count(sessions, Report) == 1 and row_count(sessions, Notification) == 2


def test_injection_looking_text_is_stored_and_exported_verbatim(sessions, outbox):
    result = submit_report(
        full_draft(description=INJECTION, people_description=INJECTION), sessions, outbox, []
    )
    with SqlUnitOfWork(sessions) as uow:
        exported = uow.reports.get(result.reference).to_dict()
    assert exported["description"] == INJECTION and exported["people_description"] == INJECTION
    assert json.loads(json.dumps(exported, ensure_ascii=False))["description"] == INJECTION
    assert row_count(sessions, Report) == 1, "the reports table is still there"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def down_url(request, tmp_path):
    """Storage that cannot work: a SQLite path under a regular file, or PostgreSQL on port 1."""
    if request.param == "sqlite":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        return f"sqlite:///{blocker / 'reports.db'}"
    return UNREACHABLE_POSTGRES


def test_storage_down_queues_durably_then_flushes_exactly_once(down_url, sessions, outbox):
    draft = full_draft(contact_consent=False, contact_email="me@example.org", description=INJECTION)
    with pytest.raises((SQLAlchemyError, OSError)):
        ensure_schema(down_url)
    result = submit_report(draft, make_session_factory(down_url), outbox, OFFICERS)
    assert (result.stored, result.queued, result.reference) == (False, True, None)
    assert outbox.pending() == [draft.consented()], (
        "nothing lost, and no contact details kept without consent"
    )
    [queued_file] = list(outbox.directory.iterdir())
    assert stat.S_IMODE(queued_file.stat().st_mode) == 0o600
    assert "me@example.org" not in queued_file.read_text()

    assert outbox.flush(sessions) == 1
    assert outbox.flush(sessions) == 0
    assert outbox.pending() == [] and list(outbox.directory.iterdir()) == []
    [report] = stored_reports(sessions)
    assert report.description == INJECTION and row_count(sessions, Notification) == len(OFFICERS)
    again = submit_report(draft, sessions, outbox, OFFICERS)
    assert again.stored and again.reference == report.reference and row_count(sessions, Report) == 1
