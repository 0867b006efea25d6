"""Linking after the commit: it never fails or holds up storing, failures are retried by the sweep; and
the 0002 migration on a database that already holds reports (SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from servator.linking import LinkSettings, links_for, rules, unlinked
from servator.linking.worker import LinkWorker, linking_sessions
from servator.storage import (
    LocalOutbox,
    Notification,
    ReportFeatures,
    ensure_schema,
    make_session_factory,
    submit_report,
)
from servator.storage.engine import MIGRATIONS_DIR, _migration_engine, _sqlite_folder
from servator.storage.models import utcnow
from tests.support.linking_helpers import days, draft, settings, store, store_and_link
from tests.support.storage_helpers import sqlite_url


@pytest.fixture
def url(tmp_path):
    database = sqlite_url(tmp_path)
    ensure_schema(database)
    return database


def test_a_failing_after_storage_step_never_changes_the_submission(url, tmp_path, caplog):
    sessions = make_session_factory(url)

    def broken(reference: str) -> None:
        raise RuntimeError("secret words from the report")

    with caplog.at_level(logging.WARNING):
        result = submit_report(draft(), sessions, LocalOutbox(tmp_path / "outbox"), on_stored=broken)
    assert result.stored and not result.queued and result.reference
    assert f"after-storage step failed for {result.reference} (RuntimeError)" in caplog.text
    assert "secret words" not in caplog.text


def test_a_linking_failure_is_recorded_without_text_and_retried_by_the_sweep(url, monkeypatch, caplog):
    sessions = make_session_factory(url)
    worker = LinkWorker(linking_sessions(url), settings())
    first = store(sessions, draft(vehicle_registration="AB12 CDE"))
    assert worker.link(first)
    second = store(sessions, draft(vehicle_registration="AB12 CDE", occurred_at=days(1)))

    def boom(*args, **kwargs):
        raise RuntimeError("secret words from the report")

    monkeypatch.setattr(rules, "find_links", boom)
    with caplog.at_level(logging.WARNING):
        assert not worker.link(second)
    assert (
        f"linking {second} failed (RuntimeError); will retry" in caplog.text and "secret" not in caplog.text
    )
    with sessions() as session:
        row = session.execute(select(ReportFeatures).where(ReportFeatures.reference == second)).scalar_one()
        assert (row.link_attempts, row.last_error, row.linked_at) == (1, "RuntimeError", None)
        assert unlinked(session, worker.settings) == [], "not before its retry time"
        row.next_attempt_at = utcnow() - timedelta(seconds=1)
        session.commit()
    monkeypatch.undo()
    assert worker.sweep() == 1
    with sessions() as session:
        assert [link.rule for link in links_for(session, second)] == ["vehicle"]
        assert unlinked(session, worker.settings) == []


def test_a_report_that_keeps_failing_is_left_after_the_last_attempt(url, monkeypatch):
    sessions = make_session_factory(url)
    worker = LinkWorker(linking_sessions(url), LinkSettings(max_attempts=2))
    reference = store(sessions, draft())
    monkeypatch.setattr(rules, "find_links", lambda *a, **k: 1 / 0)
    for _ in range(2):
        assert not worker.link(reference)
        with sessions() as session:
            session.execute(text("UPDATE report_features SET next_attempt_at = NULL"))
            session.commit()
    with sessions() as session:
        assert unlinked(session, worker.settings) == []


def test_schedule_returns_at_once_and_the_thread_links_the_report(url, monkeypatch):
    sessions = make_session_factory(url)
    first, _ = store_and_link(sessions, draft(vehicle_registration="AB12 CDE"))
    second = store(sessions, draft(vehicle_registration="AB12 CDE", occurred_at=days(2)))
    worker = LinkWorker(linking_sessions(url), settings())
    released, link = threading.Event(), worker.link

    def held_link(reference: str) -> bool:
        released.wait(timeout=20)  # linking waits for the test (20 s, were it the caller's own thread)
        return link(reference)

    monkeypatch.setattr(worker, "link", held_link)
    worker.schedule(second)
    with sessions() as session:
        assert links_for(session, second) == [], "schedule waited for the linking"
    released.set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with sessions() as session:
            if links_for(session, second):
                break
        time.sleep(0.1)
    with sessions() as session:
        assert [link.reference for link in links_for(session, second)] == [first]


def test_migration_0002_keeps_existing_reports_and_notifications_and_the_sweep_links_them(database_url):
    empty_url = database_url
    _sqlite_folder(empty_url)
    engine = _migration_engine(empty_url)
    with engine.connect() as connection:
        config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.commit()
    engine.dispose()
    sessions_0001 = None
    try:
        from servator.storage.engine import create_storage_engine

        old = create_storage_engine(empty_url)
        with old.begin() as connection:
            for number, day in ((1, 0), (2, 3)):
                connection.execute(
                    text(
                        "INSERT INTO reports (id, reference, submission_key, status, created_at, updated_at, category,"
                        " description, location_text, occurred_text, occurred_at, still_happening, contact_consent,"
                        " sender_hash, channel, guidance_given, attachments, vehicle_registration) VALUES (:id, :ref,"
                        " :key, 'new', :at, :at, 'surveillance', 'x', 'not given', 'x', :at, false, false, 'h', 'rest',"
                        " 'hotline', '[]', 'AB12 CDE')"
                    ),
                    {
                        "id": number,
                        "ref": f"SRV-20260302-OLD00{number}",
                        "key": f"old-{number}",
                        "at": days(day),
                    },
                )
            connection.execute(
                text(
                    "INSERT INTO report_notifications (report_id, chat_id, status, attempts,"
                    " created_at) VALUES (1, '-100', 'pending', 0, :at)"
                ),
                {"at": days(0)},
            )
        old.dispose()
        ensure_schema(empty_url)
        sessions_0001 = make_session_factory(empty_url)
        with sessions_0001() as session:
            [notification] = session.execute(select(Notification)).scalars()
            assert (notification.kind, notification.cluster_id) == ("report", None)
            assert unlinked(session, LinkSettings()) == ["SRV-20260302-OLD001", "SRV-20260302-OLD002"]
        worker = LinkWorker(linking_sessions(empty_url), settings())
        assert worker.sweep() == 2
        with sessions_0001() as session:
            assert [link.reference for link in links_for(session, "SRV-20260302-OLD002")] == [
                "SRV-20260302-OLD001"
            ]
        worker.sessions.kw["bind"].dispose()  # type: ignore[attr-defined]
    finally:
        if sessions_0001 is not None:
            sessions_0001.kw["bind"].dispose()
