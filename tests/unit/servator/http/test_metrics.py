"""Metrics counted in several processes add up in one scrape (prometheus_client's multiprocess mode)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from servator.http import metrics
from servator.runner.stack import fresh_metrics_dir

COUNT_IN_A_PROCESS = (
    "from servator.http.metrics import MESSAGES, REPORTS, TURN_SECONDS\n"
    "MESSAGES.inc(); REPORTS.labels('stored').inc(); TURN_SECONDS.observe(0.02)\n"
)


def test_counts_from_several_processes_add_up(tmp_path, monkeypatch):
    folder = fresh_metrics_dir(tmp_path / "metrics")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    env = {**os.environ, metrics.MULTIPROC_ENV: str(folder)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", COUNT_IN_A_PROCESS], env=env, check=True)
    monkeypatch.setenv(metrics.MULTIPROC_ENV, str(folder))
    body, content_type = metrics.scrape({"outbox": {"size": 3, "oldest_age_seconds": 12.5, "set_aside": 1}})
    text = body.decode()
    assert content_type.startswith("text/plain")
    assert "servator_messages_total 2.0" in text
    assert 'servator_reports_total{outcome="stored"} 2.0' in text
    assert "servator_turn_seconds_count 2.0" in text
    assert "servator_outbox_reports 3.0" in text and "servator_outbox_set_aside_files 1.0" in text


def test_a_new_run_starts_from_zero(tmp_path):
    folder = fresh_metrics_dir(tmp_path / "metrics")
    env = {**os.environ, metrics.MULTIPROC_ENV: str(folder)}
    subprocess.run([sys.executable, "-c", COUNT_IN_A_PROCESS], env=env, check=True)
    assert list(folder.glob("*.db"))
    assert not list(fresh_metrics_dir(folder).glob("*.db"))
