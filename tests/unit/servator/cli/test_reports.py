"""The officers' command line, run as the installed `servator` console script."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from servator.storage import Report, SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from tests.support.cli import servator
from tests.support.images import jpeg_with_gps
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import (
    INJECTION,
    UNREACHABLE_POSTGRES,
    full_draft,
    postgres_database,
    sender_of,
    sqlite_url,
)

FORMULA = '=HYPERLINK("http://evil.example","click")'
EXPORTED_PHOTO_KEYS = (
    "sha256_original",
    "sha256_cleaned",
    "received_at",
    "channel",
    "original_type",
    "original_bytes",
    "width",
    "height",
    "location_removed",
)


class Seeded:
    """A database with three reports: `old` (40 days, closed-able), `recent`, and `injection`."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        ensure_schema(database_url)
        self.sessions = make_session_factory(database_url)
        self.photos = [
            received_photo(self.sessions, sender_of("old")),
            received_photo(self.sessions, sender_of("old")),
        ]
        self.old = store_draft(full_draft("old", attachments=self.photos), self.sessions)[0]
        self.recent = store_draft(
            full_draft("recent", contact_consent=False, contact_phone=None), self.sessions
        )[0]
        self.injection = store_draft(
            full_draft("injection", description=INJECTION, direction=FORMULA), self.sessions
        )[0]
        with self.sessions() as session, session.begin():
            when = datetime.now(timezone.utc) - timedelta(days=40)
            session.execute(update(Report).where(Report.reference == self.old).values(created_at=when))

    def audit(self) -> list[tuple]:
        with SqlUnitOfWork(self.sessions) as uow:
            return [
                (e.actor, e.action, e.reference) for e in uow.audit.entries() if e.actor.startswith("cli:")
            ]

    def status(self, reference: str) -> str | None:
        with SqlUnitOfWork(self.sessions) as uow:
            report = uow.reports.get(reference)
            return report.status if report else None


@pytest.fixture
def seeded(tmp_path):
    db = Seeded(sqlite_url(tmp_path))
    yield db
    db.sessions.kw["bind"].dispose()


def test_export_json_gives_every_report_with_every_field(seeded):
    result = servator(seeded.url, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [r["reference"] for r in reports] == [seeded.injection, seeded.recent, seeded.old]
    columns = {column.key for column in Report.__table__.columns} - {"sender_hash", "submission_key"} | {
        "point_source",
        "linked_references",
        "links",
        "cluster",
        "followup",
    }
    assert all(set(r) == columns for r in reports), "every field, none that could identify the sender"
    assert all(r["followup"] == [] for r in reports), "no questions asked yet"
    assert all(r["linked_references"] == [] and r["links"] == [] and r["cluster"] is None for r in reports), (
        "nothing linked yet"
    )
    by_reference = {r["reference"]: r for r in reports}
    assert by_reference[seeded.injection]["description"] == INJECTION
    assert by_reference[seeded.injection]["direction"] == FORMULA, "JSON is verbatim"
    photos = by_reference[seeded.old]["attachments"]
    assert [set(photo) for photo in photos] == [set(EXPORTED_PHOTO_KEYS)] * 2, (
        "listed by hash, not by content"
    )
    assert all(re.fullmatch(r"[0-9a-f]{64}", photo["sha256_original"]) for photo in photos)
    assert photos[0]["sha256_original"] == hashlib.sha256(jpeg_with_gps()).hexdigest()
    assert photos[0]["location_removed"] is True and "51.50" not in result.stdout, "no place from a photo"
    assert by_reference[seeded.recent]["attachments"] == []
    assert by_reference[seeded.old]["contact_phone"] == "07700900123"
    assert by_reference[seeded.recent]["contact_phone"] is None
    assert seeded.audit() == [("cli:alice", "export", None)]


def test_export_csv_has_a_header_and_one_row_per_report(seeded):
    result = servator(seeded.url, "export", "--format", "csv", "--since", "2000-01-01")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert result.stdout.splitlines()[0].split(",")[:2] == ["id", "reference"]
    assert [row["reference"] for row in rows] == [seeded.injection, seeded.recent, seeded.old]
    injection = rows[0]
    assert injection["description"] == INJECTION
    assert injection["direction"] == "'" + FORMULA, "a spreadsheet must not run it as a formula"
    assert injection["longitude"] == "-0.1527" and injection["attachments"] == ""
    sha256 = hashlib.sha256(jpeg_with_gps()).hexdigest()
    assert rows[2]["attachments"] == f"{sha256};{sha256}", "photos listed by the SHA-256 as received"


def test_list_filters_by_status_and_date(seeded):
    everything = servator(seeded.url, "list")
    assert everything.returncode == 0
    assert [line.split("\t")[0] for line in everything.stdout.splitlines()] == [
        seeded.injection,
        seeded.recent,
        seeded.old,
    ]
    since = (datetime.now(timezone.utc) - timedelta(days=7)).strftime("%Y-%m-%d")
    recent = servator(seeded.url, "list", "--since", since)
    assert [line.split("\t")[0] for line in recent.stdout.splitlines()] == [seeded.injection, seeded.recent]
    assert servator(seeded.url, "mark", seeded.recent, "--status", "escalated").returncode == 0
    escalated = servator(seeded.url, "list", "--status", "escalated", "--since", f"{since}T00:00:00Z")
    assert [line.split("\t")[0] for line in escalated.stdout.splitlines()] == [seeded.recent]
    assert [a for _, a, _ in seeded.audit()] == ["list", "list", "mark", "list"]


def test_show_says_not_given_for_answers_the_person_did_not_give(seeded):
    skipped = dict(description=None, location_text=None, occurred_text=None, people_description=None)
    reference = store_draft(full_draft("skipped", **skipped), seeded.sessions)[0]
    shown = servator(seeded.url, "show", reference).stdout
    assert "description: not given\n" in shown and "location_text: not given\n" in shown, shown
    assert "people_description: not given\n" in shown and "assigned_to: \n" in shown, shown


def test_show_prints_every_field_and_is_audited(seeded):
    result = servator(seeded.url, "show", seeded.old.lower())
    assert result.returncode == 0, result.stderr
    assert f"reference: {seeded.old}" in result.stdout
    assert "description: a man filming the embassy gate" in result.stdout
    assert "vehicle_registration: AB12 CDE" in result.stdout
    assert "sender_hash" not in result.stdout and "submission_key" not in result.stdout
    assert seeded.audit() == [("cli:alice", "show", seeded.old)]


def test_show_gives_times_in_london_time_with_the_offset_kept(seeded):
    summer = store_draft(
        full_draft("summer", occurred_at=datetime(2026, 7, 1, 14, 0, tzinfo=timezone.utc)), seeded.sessions
    )[0]
    shown = servator(seeded.url, "show", summer).stdout
    # 14:00 UTC on 1 July is 15:00 BST in London: shown as such, and stored with its offset.
    assert "occurred_at: 01 Jul 2026 15:00 BST" in shown, shown
    assert "occurred_at_local: 2026-07-01T15:00:00+01:00" in shown, shown
    winter = servator(seeded.url, "show", seeded.old).stdout
    assert "occurred_at: 04 Mar 2025 09:30 GMT" in winter and "T09:30:00+00:00" in winter, winter


def test_mark_changes_status_and_records_the_officer(seeded):
    result = servator(seeded.url, "mark", seeded.old, "--status", "reviewed", env={"SERVATOR_OFFICER": "bob"})
    assert result.returncode == 0, result.stderr
    assert seeded.status(seeded.old) == "reviewed"
    assert seeded.audit() == [("cli:bob", "mark", seeded.old)]


def test_purge_removes_old_reports_only(seeded):
    result = servator(seeded.url, "purge", "--older-than", "30")
    assert result.returncode == 0, result.stderr
    assert "purged 1 report" in result.stdout
    assert seeded.status(seeded.old) is None and seeded.status(seeded.recent) == "new"
    default = servator(seeded.url, "purge", env={"REPORT_RETENTION_DAYS": "0"})
    assert default.returncode == 0 and "purged 2 report" in default.stdout
    assert [a for _, a, _ in seeded.audit()] == ["purge"], "audit entries past the period go too"


def test_unknown_reference_exits_3_with_one_clear_line(seeded):
    for command in (["show", "SRV-20250101-ZZZZZZ"], ["mark", "SRV-20250101-ZZZZZZ", "--status", "closed"]):
        result = servator(seeded.url, *command)
        assert result.returncode == 3
        assert result.stderr.strip().splitlines() == [
            "servator reports: no report with reference 'SRV-20250101-ZZZZZZ'"
        ]


def test_bad_date_exits_4(seeded):
    result = servator(seeded.url, "list", "--since", "31/01/2025")
    assert result.returncode == 4
    assert len(result.stderr.strip().splitlines()) == 1 and "bad date '31/01/2025'" in result.stderr


def test_usage_errors_exit_2(seeded):
    assert servator(seeded.url, "mark", seeded.old, "--status", "deleted").returncode == 2
    assert servator(seeded.url, "purge", "--older-than", "-1").returncode == 2
    assert servator(seeded.url, "export", "--format", "xml").returncode == 2


@pytest.mark.postgres
def test_unreachable_database_exits_5():
    result = servator(UNREACHABLE_POSTGRES, "list")
    assert result.returncode == 5
    assert result.stderr.strip().splitlines() == [
        "servator reports: storage unreachable (OperationalError); check DATABASE_URL"
    ]


def test_unopenable_sqlite_file_exits_5(tmp_path):
    (tmp_path / "file").write_text("")
    result = servator(f"sqlite:///{tmp_path / 'file' / 'reports.db'}", "export")
    assert result.returncode == 5 and "Traceback" not in result.stderr


@pytest.mark.postgres
def test_export_and_mark_against_postgresql():
    with postgres_database() as url:
        db = Seeded(url)
        try:
            assert servator(url, "mark", db.injection, "--status", "closed").returncode == 0
            result = servator(url, "export", "--format", "json")
            assert result.returncode == 0, result.stderr
            reports = {r["reference"]: r for r in json.loads(result.stdout)}
            assert set(reports) == {db.old, db.recent, db.injection}
            assert (
                reports[db.injection]["description"] == INJECTION
                and reports[db.injection]["status"] == "closed"
            )
            assert [a for _, a, _ in db.audit()] == ["mark", "export"]
        finally:
            db.sessions.kw["bind"].dispose()
