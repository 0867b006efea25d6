"""`servator purge` (and `servator reports purge`, the same command) from the command line."""

from __future__ import annotations

import os
import subprocess

from tests.support.retention import remaining, seed
from tests.support.stack import ROOT
from tests.support.storage_helpers import sqlite_url


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
