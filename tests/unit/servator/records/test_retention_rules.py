"""Every table and every file store has a retention rule (servator/records/retention_rules.py), and the purge
applies the rules: old rows and files of every purged kind go, recent ones stay."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import sqlalchemy as sa

import servator.storage  # noqa: F401 - every table registered on the metadata
from servator.config.settings import Settings
from servator.records.retention import purge
from servator.records.retention_rules import FILE_RULES, TABLE_RULES, Purged, WithParent
from servator.storage import LocalOutbox, SqlUnitOfWork, make_session_factory, store_draft
from servator.storage.accounts import add_officer
from servator.storage.models import AuditEntry, Base, Report, ReportNote, utcnow
from servator.storage.officer_tables import OfficerAccount, OfficerSession, SignInFailure
from tests.support.storage_helpers import full_draft, sqlite_url

RASA_TABLES = {"events"}  # Rasa's SQL tracker store, in the same database


def test_every_table_has_a_retention_rule_and_every_rule_a_table():
    tables = set(Base.metadata.tables) | RASA_TABLES
    assert tables - set(TABLE_RULES) == set(), "tables without a retention rule"
    assert set(TABLE_RULES) - tables == set(), "rules for tables that do not exist"


def test_rows_kept_with_their_parent_are_deleted_with_it():
    for name, rule in TABLE_RULES.items():
        if isinstance(rule, WithParent):
            cascades = {
                fk.column.table.name
                for fk in Base.metadata.tables[name].foreign_keys
                if fk.ondelete == "CASCADE"
            }
            assert rule.parent in cascades, f"{name} is not deleted with {rule.parent}"


def test_every_purged_kind_is_purged_and_recent_ones_stay(tmp_path):
    url = sqlite_url(tmp_path)
    outbox = LocalOutbox(tmp_path / "outbox")
    settings = Settings({"DATABASE_URL": url, "SERVATOR_OUTBOX_DIR": str(outbox.directory)})
    from servator.storage import ensure_schema

    ensure_schema(url)
    sessions = make_session_factory(url)
    long_ago = utcnow() - timedelta(days=400)
    with SqlUnitOfWork(sessions) as uow:
        add_officer(uow.session, "pc.keeper", "a long enough passphrase")
        uow.commit()
        account_id = uow.session.execute(sa.select(OfficerAccount.id)).scalar_one()
    old, _ = store_draft(full_draft("old"), sessions, ["1001"])
    new, _ = store_draft(full_draft("new"), sessions, ["1001"])
    with SqlUnitOfWork(sessions) as uow:
        uow.reports.get(old).created_at = long_ago
        report_id = uow.reports.get(old).id
        uow.session.add(ReportNote(report_id=report_id, officer="pc.keeper", text="a note with a name"))
        uow.audit.record("cli:pc", "status", old, "status new -> reviewed; note: the caller was Ann Smith")
        uow.audit.record("cli:pc", "view", new, "viewed")
        uow.session.add(AuditEntry(actor="cli:pc", action="view", reference=None, detail="old", at=long_ago))
        for at in (long_ago, utcnow()):
            uow.session.add(SignInFailure(at=at, username_hash="u", address_hash="a"))
            uow.session.add(
                OfficerSession(
                    token_hash=f"t{at.timestamp()}",
                    account_id=account_id,
                    csrf_token="c",
                    created_at=at,
                    last_seen_at=at,
                )
            )
        uow.commit()
    aside = outbox.set_aside_directory
    aside.mkdir(parents=True)
    (aside / "old.json").write_text('{"contact": "07700900123"}')
    (aside / "new.json").write_text("{}")
    os.utime(aside / "old.json", (time.time() - 400 * 86400,) * 2)

    result = purge(url, 365, 30, "cli:test", settings)

    engine = sa.create_engine(url, future=True)
    with engine.connect() as connection:
        count = {
            table: connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
            for table in ("reports", "report_notes", "report_notifications", "officer_sessions")
        }
        failures = connection.execute(sa.select(SignInFailure.at)).scalars().all()
        audit = connection.execute(sa.select(AuditEntry.reference, AuditEntry.detail)).all()
        kept = connection.execute(sa.select(Report.reference)).scalars().all()
    engine.dispose()
    sessions.kw["bind"].dispose()
    assert kept == [new] and count["report_notes"] == 0 and count["report_notifications"] == 1
    assert count["officer_sessions"] == 1 and len(failures) == 1
    assert not any("Ann Smith" in (detail or "") for _, detail in audit), "officers' notes go with the report"
    assert {reference for reference, _ in audit} == {new, None}
    assert sorted(path.name for path in aside.iterdir()) == ["new.json"]
    assert (result.set_aside_files, result.sign_in_failures, result.officer_sessions) == (1, 1, 1)


def test_every_file_rule_is_purged_or_has_a_reason():
    for pattern, rule in FILE_RULES.items():
        assert isinstance(rule, Purged) or rule.reason, pattern
