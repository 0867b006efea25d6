"""The dashboard's triage queries: search, the queue's orders, assignment, notes (and their deletion)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select, text, update

from servator.storage import (
    Report,
    ReportNote,
    ReportNotes,
    SqlUnitOfWork,
    assign,
    queue_page,
    search_condition,
    search_words,
    store_draft,
)
from servator.storage import engine as storage_engine
from servator.storage.triage import snippet
from tests.support.storage_helpers import full_draft, migrate

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def _store(sessions, key: str, **changes) -> str:
    reference, _ = store_draft(full_draft(key, **changes), sessions)
    return reference


def _found(sessions, words: str) -> set[str]:
    with sessions() as session:
        condition = search_condition(search_words(words))
        query = select(Report.reference)
        return set(session.execute(query.where(condition) if condition is not None else query).scalars())


def test_search_finds_a_report_by_reference_registration_place_or_words(sessions):
    gate = _store(
        sessions, "s-1", description="a man filming the embassy gate", vehicle_registration="AB12 CDE"
    )
    bag = _store(
        sessions,
        "s-2",
        description="a holdall left under a bench",
        location_text="Belgrave Square",
        location_postcode="SW1X 8PH",
        location_landmark=None,
        vehicle_registration=None,
        vehicle_text=None,
    )
    assert _found(sessions, gate) == {gate}
    assert _found(sessions, gate.lower()) == {gate}, "any case"
    assert _found(sessions, "ab12cde") == {gate} and _found(sessions, "AB12 CDE") == {gate}
    assert _found(sessions, "belgrave") == {bag} and _found(sessions, "sw1x") == {bag}
    assert _found(sessions, "HOLDALL bench") == {bag}, "every word, anywhere"
    assert _found(sessions, "holdall filming") == set()
    assert _found(sessions, "100%") == set() and _found(sessions, "_") == set(), "no wildcards"
    assert _found(sessions, "") == {gate, bag}


def test_search_words_are_capped():
    words = search_words("one two three four five six seven eight nine ten " + "x" * 500)
    assert len(words) == 8 and words[0] == "one"
    assert max(map(len, search_words("y" * 500))) == 64


def test_the_queue_sorts_by_when_seen_or_reported_unknown_times_last(sessions):
    early_seen = _store(sessions, "q-1", occurred_at=T0 - timedelta(days=3), still_happening=False)
    late_seen = _store(sessions, "q-2", occurred_at=T0 - timedelta(hours=1), still_happening=False)
    unknown = _store(sessions, "q-3", occurred_at=None, still_happening=True)
    with sessions() as session:
        for reference, made in (
            (early_seen, T0),
            (late_seen, T0 - timedelta(days=1)),
            (unknown, T0 - timedelta(days=2)),
        ):
            session.execute(update(Report).where(Report.reference == reference).values(created_at=made))
        session.commit()

        def order(sort: str) -> list[str]:
            return [row.reference for row in queue_page(session, [], sort, 10, 0)[1]]

        assert order("urgent") == [unknown, early_seen, late_seen], "still happening first, then newest"
        assert order("reported") == [early_seen, late_seen, unknown]
        assert order("reported_asc") == [unknown, late_seen, early_seen]
        assert order("seen") == [late_seen, early_seen, unknown]
        assert order("seen_asc") == [early_seen, late_seen, unknown]
        total, rows = queue_page(session, [], "seen", 1, 1)
        assert total == 3 and [row.reference for row in rows] == [early_seen]


def test_a_snippet_is_one_line_cut_at_a_word():
    assert snippet("short\n  words") == "short words"
    long = "word " * 60
    cut = snippet(long)
    assert cut.endswith("…") and len(cut) <= 141 and "  " not in cut


def test_assigning_and_notes_and_both_go_with_the_report(sessions):
    reference = _store(sessions, "a-1")
    with sessions() as session:
        assert assign(session, reference, "pc.one") == (True, None)
        session.commit()
        assert assign(session, reference, None) == (True, "pc.one")
        assert assign(session, "SRV-20260101-AAAAAA", "pc.one") == (False, None)
        assert ReportNotes(session).add(reference, "pc.one", "spoke to the embassy")
        assert ReportNotes(session).add(reference, "pc.two", "CCTV requested")
        assert not ReportNotes(session).add("SRV-20260101-AAAAAA", "pc.one", "lost")
        session.commit()
        assert [(n.officer, n.text) for n in ReportNotes(session).for_report(reference)] == [
            ("pc.one", "spoke to the embassy"),
            ("pc.two", "CCTV requested"),
        ]
        assert (
            session.execute(select(Report.assigned_to).where(Report.reference == reference)).scalar_one()
            is None
        )
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.purge_older_than(datetime.now(timezone.utc) + timedelta(days=1)) == 1
        uow.commit()
    with sessions() as session:
        assert session.execute(select(ReportNote)).all() == [], "notes are deleted with their report"


def test_the_notes_migration_copies_notes_from_the_audit_trail(database_url):
    """A database at 0004 whose notes were only in status audit entries, upgraded: each note is a note."""
    storage_engine._sqlite_folder(database_url)
    engine = storage_engine.create_storage_engine(database_url)
    with engine.connect() as connection:
        migrate(connection, "0004")
        connection.execute(
            text(
                "INSERT INTO reports (reference, submission_key, status, created_at, updated_at, category, "
                "description, location_text, occurred_text, still_happening, contact_consent, "
                "sender_hash, channel, guidance_given, attachments) VALUES ('SRV-20261201-AAAAAA', 'k', "
                "'reviewed', :now, :now, 'other', 'd', 'l', 'w', false, false, 'h', 'rest', 'hotline', '[]')"
            ),
            {"now": "2026-12-01 12:00:00"},
        )
        for detail in ("status new -> reviewed; note: passed to the embassy", "status new -> closed", None):
            connection.execute(
                text(
                    "INSERT INTO report_audit (at, actor, action, reference, detail) "
                    "VALUES (:at, 'officer:pc.old', 'status', 'SRV-20261201-AAAAAA', :detail)"
                ),
                {"at": "2026-12-01 13:00:00", "detail": detail},
            )
        connection.commit()
        migrate(connection, "head")
        notes = connection.execute(text("SELECT officer, text FROM report_notes")).all()
        assigned = connection.execute(text("SELECT assigned_to FROM reports")).scalar_one()
    engine.dispose()
    assert [tuple(row) for row in notes] == [("pc.old", "passed to the embassy")] and assigned is None
