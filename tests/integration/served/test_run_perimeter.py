"""`servator run` as `make run` starts it: loopback only, private files, retention at start, no text in logs.

One `servator run` on free ports, with its var/ and database in a temporary folder that already
holds an old report and old conversation events. Its output (its own and every server's) goes to
one log file, which the last test greps for a message that timed out.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from servator.runner.processes import wait_for
from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from tests.support.stack import ROOT, post_json
from tests.support.storage_helpers import full_draft
from tools.bench.measure import process_tree

pytestmark = pytest.mark.rasa
OLD_MARKER = f"OLDCONVERSATION{uuid.uuid4().hex[:6]}"
NEW_MARKER = f"NEWCONVERSATION{uuid.uuid4().hex[:6]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen
    log: Path
    var: Path
    database_url: str
    rasa_port: int
    actions_port: int
    webchat_port: int
    dashboard_port: int

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_output(self, text: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.output():
            assert self.process.poll() is None, "servator run stopped:\n" + self.output()[-3000:]
            assert time.monotonic() < deadline, f"no {text!r} in the output:\n" + self.output()[-3000:]
            time.sleep(0.5)


def seed(database_url: str) -> None:
    """An old report (400 days) and a recent one; old (40 days) and recent conversation events."""
    from rasa.core.tracker_store import SQLTrackerStore

    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    store_draft(full_draft("old-report", description=f"old {OLD_MARKER}"), sessions)
    store_draft(full_draft("new-report", description=f"new {NEW_MARKER}"), sessions)
    with SqlUnitOfWork(sessions) as uow:
        old = uow.reports.get_by_submission_key("old-report")
        old.created_at = datetime.now(timezone.utc) - timedelta(days=400)
        uow.commit()
    engine = sessions.kw["bind"]
    SQLTrackerStore.Base.metadata.create_all(engine)
    now = time.time()
    with engine.begin() as connection:
        for sender, age_days, marker in (("old-person", 40, OLD_MARKER), ("new-person", 1, NEW_MARKER)):
            connection.execute(
                sa.text(
                    "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                    "VALUES (:s, 'user', :t, 'greet', NULL, :d)"
                ),
                {
                    "s": sender,
                    "t": now - age_days * 86400,
                    "d": json.dumps({"event": "user", "text": marker}),
                },
            )
    engine.dispose()


@pytest.fixture(scope="module")
def served(trained_model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("served")
    var = folder / "var"
    var.mkdir(mode=0o755)
    database_url = f"sqlite:///{var / 'servator.db'}"
    seed(database_url)
    ports = [free_port() for _ in range(4)]
    env = {
        **os.environ,
        "RASA_PORT": str(ports[0]),
        "ACTIONS_PORT": str(ports[1]),
        "WEBCHAT_PORT": str(ports[2]),
        "DASHBOARD_PORT": str(ports[3]),
        "SERVATOR_VAR_DIR": str(var),
        "DATABASE_URL": database_url,
        "TELEGRAM_BOT_TOKEN": "",
        "RASA_TIMEOUT_SECONDS": "3",
        "ACTION_SERVER_TOKEN": "",
        "FRONT_END_TOKEN": "",
    }
    log = folder / "servator-run.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(ROOT / ".venv/bin/servator"), "run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    run = Served(process, log, var, database_url, *ports)
    try:
        run.wait_for_output("Press Ctrl-C", 300)
        assert wait_for(f"http://127.0.0.1:{run.webchat_port}/healthz", 60, [process]), "no web chat"
        yield run
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()


def listening(pids: set[int]) -> list[str]:
    """Local addresses of the TCP sockets these processes listen on (`ss -tlnp`)."""
    lines = subprocess.run(["ss", "-Htlnp"], capture_output=True, text=True, check=True).stdout.splitlines()
    return [
        line.split()[3]
        for line in lines
        if any(f"pid={pid}," in line for pid in pids) and len(line.split()) > 3
    ]


def test_nothing_listens_beyond_loopback(served):
    addresses = listening(set(process_tree(served.process.pid)))
    ports = {served.rasa_port, served.actions_port, served.webchat_port, served.dashboard_port}
    assert {int(address.rsplit(":", 1)[1]) for address in addresses} >= ports, addresses
    assert all(address.rsplit(":", 1)[0] in ("127.0.0.1", "[::1]") for address in addresses), addresses


def test_everything_under_var_is_private(served):
    post_json(
        f"http://127.0.0.1:{served.rasa_port}/webhooks/rest/webhook", {"sender": "perm", "message": "hello"}
    )
    paths = [served.var, *served.var.rglob("*")]
    names = {path.name for path in paths}
    assert {"servator.db", "action_server.key", "front_end.key", f"endpoints-{served.rasa_port}.yml"} <= names
    assert {"servator.db-wal", "servator.db-shm"} & names, "the SQLite WAL files are checked too"
    loose = [
        f"{path.relative_to(served.var.parent)} {stat.filemode(path.stat().st_mode)}"
        for path in paths
        if path.stat().st_mode & 0o077
    ]
    assert loose == [], "readable by others (the database was made 0644 before the start)"


def test_old_reports_and_conversations_are_purged_at_start(served):
    served.wait_for_output("Retention: purged", 60)
    engine = sa.create_engine(served.database_url, future=True)
    try:
        with engine.connect() as connection:
            events = connection.execute(sa.text("SELECT data FROM events")).scalars().all()
            reports = connection.execute(sa.text("SELECT description FROM reports")).scalars().all()
            audit = connection.execute(
                sa.text("SELECT actor, detail FROM report_audit WHERE action = 'purge'")
            ).all()
    finally:
        engine.dispose()
    assert not any(OLD_MARKER in data for data in events) and any(NEW_MARKER in data for data in events)
    assert not any(OLD_MARKER in text for text in reports) and any(NEW_MARKER in text for text in reports)
    assert audit and audit[0][0] == "servator-run:retention" and "count=1" in audit[0][1]
    assert "purged 1 report(s)" in served.output()


def action_server_pid(served: Served) -> int:
    for pid in process_tree(served.process.pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"actions" in command and b"run" in command:
            return pid
    raise AssertionError("no action server process")


def web_chat(served: Served, session: str, message: str) -> dict:
    origin = f"http://127.0.0.1:{served.webchat_port}"
    request = urllib.request.Request(
        f"{origin}/api/message",
        data=json.dumps({"session": session, "message": message}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_a_timed_out_turn_leaves_no_message_text_in_any_log(served):
    """Rasa logs the text of a turn whose front end gave up (`rest.message.received.timeout`)."""
    session = uuid.uuid4().hex
    secret = f"Wilhelmina Quartermaine-{uuid.uuid4().hex[:6]} 07700 900461"
    assert "What did you see" in json.dumps(web_chat(served, session, "/report_suspicious"))
    pid = action_server_pid(served)
    os.kill(pid, signal.SIGSTOP)  # the form's validation call now hangs: the web chat gives up after 3 s
    try:
        answer = web_chat(served, session, f"a man photographing the gate, I am {secret}")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert "999" in answer["replies"][0]["text"], "the person still gets the safety message"
    served.wait_for_output("rest.message.received.timeout", 30)  # Rasa did log the timed-out turn
    time.sleep(2)  # the action server answers the stale call after SIGCONT
    output = served.output()
    assert "Wilhelmina" not in output and "07700 900461" not in output and "Quartermaine" not in output
