"""`servator run` as `make run` starts it: it serves, prints how to talk to it, and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from servator.runner.workers import LOCAL_REDIS_URL, MAX_WORKERS, redis_answers
from tests.support.ports import RUN_PORT_BASE
from tests.support.stack import ROOT, post_json
from tools.bench.measure import process_tree

pytestmark = pytest.mark.rasa


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _start(tmp_path: Path, port_base: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "RASA_PORT": str(port_base + 5),
        "ACTIONS_PORT": str(port_base + 55),
        "WEBCHAT_PORT": str(port_base + 80),
        "DASHBOARD_PORT": str(port_base + 90),
        "SERVATOR_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "TELEGRAM_BOT_TOKEN": "",
        "REDIS_LOCK_PREFIX": f"runtest{uuid.uuid4().hex[:10]}",
    }
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/servator"), "run"],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def _wait_until_running(process: subprocess.Popen, timeout: float = 300) -> str:
    """Read stdout until the 'Press Ctrl-C' line; returns what was printed."""
    printed, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        printed.append(line)
        if "Press Ctrl-C" in line:
            return "".join(printed)
    raise AssertionError("servator run did not start:\n" + "".join(printed))


def test_run_serves_then_sigterm_stops_every_process(trained_model, tmp_path):
    port_base = RUN_PORT_BASE
    process = _start(tmp_path, port_base)
    try:
        printed = _wait_until_running(process)
        assert "Not retraining" in printed or "up to date" in printed
        assert f"http://127.0.0.1:{port_base + 80}/" in printed, "it says where the web chat is"
        assert f"officer dashboard: http://127.0.0.1:{port_base + 90}/" in printed
        assert "/webhooks/rest/webhook" in printed, "it says how to talk to the bot"
        if redis_answers(LOCAL_REDIS_URL):  # a worker per core (two here), sharing Redis's locks
            assert f"{min(os.cpu_count() or 1, MAX_WORKERS)} Rasa workers sharing the Redis" in printed
        else:
            assert "one Rasa worker" in printed
        replies = post_json(
            f"http://127.0.0.1:{port_base + 5}/webhooks/rest/webhook", {"sender": "run", "message": "hi"}
        )
        assert "Project Servator" in replies[0]["text"]
        started = process_tree(process.pid)
        assert len(started) >= 4, "servator, the action server, Rasa and the web chat"
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        deadline = time.monotonic() + 30
        while _alive(started) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _alive(started) == [], "orphan processes after SIGTERM"
    finally:
        if process.poll() is None:
            process.kill()


def test_killed_supervisor_leaves_no_orphans(trained_model, tmp_path):
    """`make run` killed outright (no chance to clean up): its servers still stop."""
    port_base = RUN_PORT_BASE + 100
    process = _start(tmp_path, port_base)
    try:
        _wait_until_running(process)
        started = [pid for pid in process_tree(process.pid) if pid != process.pid]
        assert len(started) >= 3
        process.kill()
        process.wait(10)
        deadline = time.monotonic() + 30
        while _alive(started) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _alive(started) == [], "servers left running after their supervisor was killed"
    finally:
        if process.poll() is None:
            process.kill()
