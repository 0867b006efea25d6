"""Retention: the purge and the runner's daily purge delete old reports and conversations."""

from __future__ import annotations

from servator.config.settings import Settings
from servator.records.retention import DailyPurge, purge
from servator.storage import SqlUnitOfWork, make_session_factory
from tests.support.retention import remaining, seed
from tests.support.storage_helpers import sqlite_url


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
