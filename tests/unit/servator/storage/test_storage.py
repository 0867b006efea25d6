"""Report storage on SQLite and PostgreSQL: submit, idempotence, outbox, purge, audit, schema."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, func, inspect, select, text, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from servator.storage import (
    Notification,
    Report,
    ReportDraft,
    ReportRepository,
    SqlUnitOfWork,
    ensure_schema,
    make_session_factory,
    new_reference,
    store_draft,
    submit_report,
)
from servator.storage import engine as storage_engine
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import (
    INJECTION,
    UNREACHABLE_POSTGRES,
    full_draft,
    migrate,
    sender_of,
    sqlite_url,
)

REFERENCE = re.compile(r"^SRV-(\d{8})-([A-HJ-NP-Z2-9]{6})$")
OFFICERS = ["1001", "1002"]


def stored(sessions):
    with SqlUnitOfWork(sessions) as uow:
        return uow.reports.list()


def count(sessions, model) -> int:
    with sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_submit_stores_every_field_with_a_well_formed_reference(sessions, outbox):
    photos = [received_photo(sessions, sender_of("key-1")), received_photo(sessions, sender_of("key-1"))]
    draft = full_draft(attachments=photos)
    result = submit_report(draft, sessions, outbox, OFFICERS)
    assert result.stored and not result.queued
    match = REFERENCE.match(result.reference or "")
    assert match and match.group(1) == datetime.now(timezone.utc).strftime("%Y%m%d")
    [report] = stored(sessions)
    exported = report.to_dict()
    expected = draft.to_dict()
    assert {key: exported[key] for key in expected} == expected
    assert exported["reference"] == result.reference and exported["status"] == "new"
    assert datetime.fromisoformat(exported["created_at"]).tzinfo is not None
    assert json.loads(json.dumps(exported)) == exported, "the export object is plain JSON"
    assert outbox.pending() == []


def test_references_are_random_and_use_the_readable_alphabet():
    references = {new_reference() for _ in range(300)}
    assert len(references) == 300
    assert all(REFERENCE.match(reference) for reference in references)


def test_resubmitting_the_same_key_returns_the_same_reference(sessions, outbox):
    first = submit_report(full_draft("same"), sessions, outbox, OFFICERS)
    again = submit_report(full_draft("same", description="edited"), sessions, outbox, ["9999"])
    assert (again.stored, again.reference) == (first.stored, first.reference)
    assert again.follow_up_code != first.follow_up_code, "the reply given again has a new code"
    assert len(stored(sessions)) == 1 and stored(sessions)[0].description == "a man filming the embassy gate"
    assert count(sessions, Notification) == 2


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
    assert len(stored(sessions)) == 1 and count(sessions, Notification) == 2


def test_contact_details_are_dropped_without_consent(sessions, outbox):
    draft = full_draft(contact_consent=False, contact_phone="07700900123", contact_email="me@example.org")
    submit_report(draft, sessions, outbox, [])
    [report] = stored(sessions)
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
    assert count(sessions, Report) == 0 and count(sessions, Notification) == 0
    assert outbox.flush(sessions) == 1
    assert count(sessions, Report) == 1 and count(sessions, Notification) == 2


def test_injection_looking_text_is_stored_and_exported_verbatim(sessions, outbox):
    result = submit_report(
        full_draft(description=INJECTION, people_description=INJECTION), sessions, outbox, []
    )
    with SqlUnitOfWork(sessions) as uow:
        exported = uow.reports.get(result.reference).to_dict()
    assert exported["description"] == INJECTION and exported["people_description"] == INJECTION
    assert json.loads(json.dumps(exported, ensure_ascii=False))["description"] == INJECTION
    assert count(sessions, Report) == 1, "the reports table is still there"


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
    [report] = stored(sessions)
    assert report.description == INJECTION and count(sessions, Notification) == len(OFFICERS)
    again = submit_report(draft, sessions, outbox, OFFICERS)
    assert again.stored and again.reference == report.reference and count(sessions, Report) == 1


def test_flush_into_a_dead_database_keeps_everything_queued(outbox):
    outbox.put(full_draft("a"))
    outbox.put(full_draft("a"))
    outbox.put(full_draft("b"))
    with pytest.raises(SQLAlchemyError):
        outbox.flush(make_session_factory(UNREACHABLE_POSTGRES))
    assert sorted(d.submission_key for d in outbox.pending()) == ["a", "b"]


def test_an_unreadable_outbox_file_is_set_aside_not_fatal(sessions, outbox):
    outbox.put(full_draft("good"))
    (outbox.directory / "broken.json").write_text("{not json")
    assert outbox.flush(sessions) == 1
    assert (outbox.set_aside_directory / "broken.json").read_text() == "{not json"
    assert count(sessions, Report) == 1 and outbox.stats().set_aside == 1


def test_draft_json_round_trip_keeps_every_field():
    draft = full_draft(description=INJECTION)
    assert ReportDraft.from_json(draft.to_json()) == draft
    assert ReportDraft.from_json(full_draft(occurred_at=None, attachments=[]).to_json()).occurred_at is None


def _backdate(sessions, reference: str, days: int) -> None:
    with sessions() as session, session.begin():
        when = datetime.now(timezone.utc) - timedelta(days=days)
        session.execute(update(Report).where(Report.reference == reference).values(created_at=when))


def test_list_filters_newest_first_and_status_changes(sessions, outbox):
    old = submit_report(full_draft("old"), sessions, outbox, []).reference
    new = submit_report(full_draft("new"), sessions, outbox, []).reference
    _backdate(sessions, old, 10)
    with SqlUnitOfWork(sessions) as uow:
        assert [r.reference for r in uow.reports.list()] == [new, old]
        assert [
            r.reference for r in uow.reports.list(since=datetime.now(timezone.utc) - timedelta(days=1))
        ] == [new]
        assert [r.reference for r in uow.reports.list(limit=1)] == [new]
        assert uow.reports.set_status(old, "escalated").status == "escalated"
        assert uow.reports.set_status("SRV-00000000-AAAAAA", "closed") is None
        with pytest.raises(ValueError):
            uow.reports.set_status(new, "deleted")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        assert [r.reference for r in uow.reports.list(status="escalated")] == [old]
        assert [r.reference for r in uow.reports.list(status="new")] == [new]


def test_changes_without_commit_are_rolled_back(sessions, outbox):
    reference = submit_report(full_draft(), sessions, outbox, []).reference
    with SqlUnitOfWork(sessions) as uow:
        uow.reports.set_status(reference, "closed")
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.get(reference).status == "new"


def test_purge_deletes_old_reports_and_their_notifications(sessions, outbox):
    old = submit_report(full_draft("old"), sessions, outbox, OFFICERS).reference
    new = submit_report(full_draft("new"), sessions, outbox, OFFICERS).reference
    _backdate(sessions, old, 400)
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.purge_older_than(datetime.now(timezone.utc) - timedelta(days=365)) == 1
        uow.commit()
    assert [r.reference for r in stored(sessions)] == [new]
    with SqlUnitOfWork(sessions) as uow:
        assert {n.reference for n in uow.notifications.pending(10)} == {new}


def test_audit_records_who_did_what_and_when(sessions, outbox):
    draft = full_draft()
    reference = submit_report(draft, sessions, outbox, OFFICERS).reference
    with SqlUnitOfWork(sessions) as uow:
        uow.audit.record("cli:alice", "mark", reference, "status new -> reviewed")
        uow.audit.record("telegram:abc123", "list")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        entries = uow.audit.entries()
        mine = uow.audit.entries(reference=reference)
    assert [(e.actor, e.action) for e in entries] == [
        (f"telegram:{draft.sender_hash[:12]}", "create"),
        ("cli:alice", "mark"),
        ("telegram:abc123", "list"),
    ]
    assert [e.action for e in mine] == ["create", "mark"]
    assert all(
        e.at.tzinfo is not None and abs(e.at - datetime.now(timezone.utc)) < timedelta(minutes=5)
        for e in entries
    )
    assert all(draft.description not in (e.detail or "") for e in entries)


def test_notification_sent_and_failed_bookkeeping(sessions, outbox):
    submit_report(full_draft(), sessions, outbox, OFFICERS)
    with SqlUnitOfWork(sessions) as uow:
        first, second = uow.notifications.pending(10)
        uow.notifications.mark_sent(first.id)
        uow.notifications.mark_failed(second.id, "NetworkError")
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        [still] = uow.notifications.pending(10)
    assert (still.id, still.chat_id, still.attempts) == (second.id, second.chat_id, 1)


def test_schema_lives_beside_rasas_tables_and_matches_the_models(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from servator.storage.models import Base

    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.begin() as connection:  # what Rasa's SQL tracker store creates in the same database
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
    ensure_schema(database_url)
    storage_engine._migrated.discard(database_url)
    ensure_schema(database_url)  # a second run (new process) is a no-op
    tables = set(inspect(engine).get_table_names())
    assert {"events", "reports", "report_audit", "report_notifications", "servator_alembic_version"} <= tables
    assert "alembic_version" not in tables
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "version_table": "servator_alembic_version",
                "include_object": lambda obj, name, kind, *_: kind != "table" or name in Base.metadata.tables,
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_two_processes_can_create_the_schema_at_once(database_url):
    code = "import sys; from servator.storage import ensure_schema; ensure_schema(sys.argv[1])"
    children = [
        subprocess.Popen([sys.executable, "-c", code, database_url], stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    sessions = make_session_factory(database_url)
    assert count(sessions, Report) == 0
    sessions.kw["bind"].dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    sessions = make_session_factory(sqlite_url(tmp_path))
    with sessions() as session:
        pragma = lambda name: session.execute(text(f"PRAGMA {name}")).scalar_one()  # noqa: E731
        assert (pragma("journal_mode"), pragma("foreign_keys"), pragma("busy_timeout")) == ("wal", 1, 10000)
    sessions.kw["bind"].dispose()


def test_ensure_schema_creates_the_sqlite_folder(tmp_path):
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'reports.db'}"
    ensure_schema(url)
    assert Path(tmp_path / "deep" / "er" / "reports.db").exists()


def test_the_local_time_migration_fills_in_reports_stored_before_it(database_url):
    """A database at 0002 with a summer and a winter report, upgraded: each gets its London time."""
    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.connect() as connection:
        migrate(connection, "0002")
        for number, occurred in (
            (1, "2026-07-01 14:00:00"),
            (2, "2026-01-15 09:30:00"),
            (3, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO reports (reference, submission_key, status, created_at, updated_at, category, "
                    "description, location_text, occurred_text, occurred_at, still_happening, contact_consent, "
                    "sender_hash, channel, guidance_given, attachments) VALUES (:ref, :key, 'new', :now, :now, "
                    "'other', 'd', 'l', 'w', :occurred, false, false, 'h', 'rest', 'hotline', '[]')"
                ),
                {
                    "ref": f"SRV-20260701-AAAAA{number}",
                    "key": f"k{number}",
                    "now": "2026-07-01 15:00:00",
                    "occurred": occurred,
                },
            )
        connection.commit()
        migrate(connection, "head")
        rows = connection.execute(
            text("SELECT reference, occurred_at_local FROM reports ORDER BY reference")
        ).all()
    engine.dispose()
    assert [local for _, local in rows] == ["2026-07-01T15:00:00+01:00", "2026-01-15T09:30:00+00:00", None]


def test_reports_by_reference_skip_the_ones_that_do_not_exist(sessions, outbox):
    first = submit_report(full_draft("key-1"), sessions, outbox, OFFICERS).reference
    second = submit_report(full_draft("key-2"), sessions, outbox, OFFICERS).reference
    with SqlUnitOfWork(sessions) as uow:
        found = uow.reports.by_reference([first, second, "SRV-20260101-ZZZZZZ"])
        assert sorted(found) == sorted([first, second])
        assert found[first].reference == first
