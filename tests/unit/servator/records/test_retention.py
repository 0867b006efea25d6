"""Retention: `servator purge` and the runner's daily purge delete old reports and conversations."""

from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from servator.config.settings import Settings
from servator.records.retention import DailyPurge, purge
from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from tests.support.stack import ROOT
from tests.support.storage_helpers import full_draft, sqlite_url


def seed(database_url: str, events: bool = True) -> None:
    """Reports made 400 and 10 days ago; conversation events 40 and 1 days old."""
    from rasa.core.tracker_store import SQLTrackerStore

    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    for key, days in (("old", 400), ("recent", 10)):
        reference, _ = store_draft(full_draft(key), sessions, ["1001"])
        with SqlUnitOfWork(sessions) as uow:
            uow.reports.get(reference).created_at = datetime.now(timezone.utc) - timedelta(days=days)
            uow.commit()
    engine = sessions.kw["bind"]
    if events:
        SQLTrackerStore.Base.metadata.create_all(engine)
        with engine.begin() as connection:
            for sender, days in (("old-person", 40), ("old-person", 31), ("new-person", 1)):
                connection.execute(
                    sa.text(
                        "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"
                    ),
                    {"s": sender, "t": time.time() - days * 86400, "d": json.dumps({"text": sender})},
                )
    engine.dispose()


def remaining(database_url: str) -> tuple[list[str], list[str]]:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            keys = sorted(connection.execute(sa.text("SELECT submission_key FROM reports")).scalars())
            has_events = sa.inspect(connection).has_table("events")
            senders = (
                sorted(connection.execute(sa.text("SELECT sender_id FROM events")).scalars())
                if has_events
                else []
            )
    finally:
        engine.dispose()
    return keys, senders


def test_purge_deletes_reports_and_conversation_events_older_than_their_periods(database_url):
    seed(database_url)
    result = purge(database_url, report_days=365, conversation_days=30, actor="cli:test")
    assert (result.reports, result.conversation_events) == (1, 2)
    assert remaining(database_url) == (["recent"], ["new-person"])
    sessions = make_session_factory(database_url)
    with SqlUnitOfWork(sessions) as uow:
        [entry] = [e for e in uow.audit.entries() if e.action == "purge"]
        assert entry.actor == "cli:test" and "count=1" in entry.detail and "events=2" in entry.detail
    sessions.kw["bind"].dispose()


def test_purge_before_rasa_ever_ran_has_no_events_table_to_clean(tmp_path):
    url = sqlite_url(tmp_path)
    seed(url, events=False)
    assert purge(url, 365, 30, "cli:test").conversation_events == 0


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "SERVATOR_OFFICER": "tester"}
    return subprocess.run(
        [str(ROOT / ".venv/bin/servator"), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_servator_purge_older_than_days_deletes_both(tmp_path):
    url = sqlite_url(tmp_path)
    seed(url)
    done = run_cli(url, "purge", "--older-than", "5")
    assert done.returncode == 0, done.stderr
    assert "purged 2 report(s)" in done.stdout and "2 conversation event(s)" in done.stdout
    assert remaining(url) == ([], ["new-person"])


def test_servator_purge_defaults_to_the_retention_settings_and_reports_purge_is_the_same(tmp_path):
    url = sqlite_url(tmp_path)
    seed(url)
    assert run_cli(url, "purge").returncode == 0
    assert remaining(url) == (["recent"], ["new-person"])
    same = run_cli(url, "reports", "purge", "--older-than", "0")
    assert (
        same.returncode == 0
        and "purged 1 report(s)" in same.stdout
        and "1 conversation event(s)" in same.stdout
    )
    assert remaining(url) == ([], []), "one purge: reports and conversations alike"
    assert run_cli("postgresql://postgres@127.0.0.1:1/none", "purge").returncode == 5


def test_the_daily_purge_runs_at_start_then_once_a_day(tmp_path, capsys):
    url = sqlite_url(tmp_path)
    seed(url)
    daily = DailyPurge(Settings.from_env({"DATABASE_URL": url}), interval=86400)
    assert daily.tick(now=1000.0) is True
    daily.join(30)
    assert remaining(url) == (["recent"], ["new-person"])
    assert "Retention: purged 1 report(s)" in capsys.readouterr().out
    assert daily.tick(now=1000.0 + 86399) is False
    assert daily.tick(now=1000.0 + 86400) is True
    daily.join(30)
