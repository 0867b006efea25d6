"""Scale-out: two Rasa servers and two action servers sharing PostgreSQL (trackers, reports) and Redis (locks)."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from servator.runner.processes import wait_for
from servator.runner.stack import rasa_ready, start_stack
from servator.storage import REFERENCE_PATTERN, SqlUnitOfWork, make_session_factory
from tests.support.ports import SCALEOUT_PORTS
from tests.support.stack import post_json
from tests.support.storage_helpers import postgres_database
from tools.soak.users import REPORT_STEPS

REDIS_DB = 7  # the lock-store db this test uses; only keys under its own prefix are touched
RASA_PORTS, ACTIONS_PORTS = SCALEOUT_PORTS[:2], SCALEOUT_PORTS[2:4]


def joined(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


# (message, what the next answer asks): the soak suite's whole report, with its final answer.
REPORT_TURNS = [(message.format(tag="scale-out"), expected) for message, expected in REPORT_STEPS[:-1]]
REPORT_TURNS.append((REPORT_STEPS[-1][0], "reference is SRV-"))


@pytest.fixture
def two_servers(trained_model: Path, tmp_path: Path):
    """Two full stacks on their own ports, one PostgreSQL database, one Redis lock store."""
    import redis

    prefix = f"scaleout{uuid.uuid4().hex[:10]}"
    env = {
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "REDIS_LOCK_PREFIX": prefix,
        "SERVATOR_OUTBOX_DIR": str(tmp_path / "outbox"),
        "SERVATOR_VAR_DIR": str(tmp_path),
        "OFFICER_CHAT_IDS": "",
    }
    supervisors = []
    with postgres_database() as database_url:
        try:
            # One after the other: two Rasa servers creating the tracker table at once would race.
            # The second server in the two-core configuration: two Rasa workers sharing the lock store.
            for workers, rasa_port, actions_port in zip(("1", "2"), RASA_PORTS, ACTIONS_PORTS):
                supervisor = start_stack(
                    trained_model,
                    database_url,
                    rasa_port,
                    actions_port,
                    env_overrides={**env, "SANIC_WORKERS": workers},
                )
                supervisors.append(supervisor)
                assert rasa_ready(rasa_port, supervisor, 300), f"Rasa on {rasa_port} did not start"
                assert wait_for(f"http://127.0.0.1:{actions_port}/health", 60, supervisor.children)
            yield (
                [f"http://127.0.0.1:{port}" for port in RASA_PORTS],
                database_url,
                redis.Redis(db=REDIS_DB),
                prefix,
            )
        finally:
            for supervisor in supervisors:
                supervisor.stop()
            client = redis.Redis(db=REDIS_DB)
            for key in client.scan_iter(match=f"{prefix}:*"):
                client.delete(key)


def talk(server: str, sender: str, message: str) -> list[dict]:
    return post_json(f"{server}/webhooks/rest/webhook", {"sender": sender, "message": message}, timeout=60)


def held_lock_delay(server: str, sender: str, message: str, prefix: str) -> tuple:
    """Send a turn while Redis holds a 3-second ticket for the conversation: (seconds taken, replies)."""
    from rasa.utils.endpoints import EndpointConfig

    from servator.rasa_runtime.lock_store import QueueLockStore

    store = QueueLockStore(EndpointConfig("127.0.0.1", port=6379, db=REDIS_DB, key_prefix=prefix))
    store.hold(sender, 3)
    started = time.monotonic()
    replies = talk(server, sender, message)
    return time.monotonic() - started, replies


@pytest.mark.rasa
@pytest.mark.postgres
def test_one_conversation_across_two_servers_is_one_report(two_servers):
    servers, database_url, client, prefix = two_servers
    sender = f"scaleout-{uuid.uuid4().hex[:12]}"
    done = ""
    for turn, (message, expected) in enumerate(REPORT_TURNS):
        server = servers[turn % 2]
        if turn in (1, 2):  # both servers wait for a lock another process holds in Redis
            seconds, replies = held_lock_delay(server, sender, message, prefix)
            assert seconds >= 2.5, f"{server} did not wait for the shared Redis lock ({seconds:.1f}s)"
        else:
            replies = talk(server, sender, message)
        text = joined(replies)
        assert expected in text, f"turn {turn} on {server}: {message!r} -> {text!r}"
        done = text
    reference = REFERENCE_PATTERN.search(done).group(0)
    retry = joined(talk(servers[0], sender, "/affirm"))  # the final answer again, on the other server
    assert "reference is" not in retry, "a retried /affirm was taken as a second submission"
    sessions = make_session_factory(database_url)
    try:
        with SqlUnitOfWork(sessions) as uow:
            reports = uow.reports.list()
    finally:
        sessions.kw["bind"].dispose()
    assert [report.reference for report in reports] == [reference]
    assert reports[0].description == REPORT_TURNS[0][0]
    assert not list(client.scan_iter(match=f"{prefix}:lock:*")), "a conversation lock was left behind"


@pytest.mark.rasa
@pytest.mark.postgres
def test_a_server_with_several_workers_closes_each_connection_after_its_answer(two_servers):
    """So the next request goes to whichever worker is free, not the one that accepted it."""
    import http.client
    import urllib.parse

    servers = two_servers[0]
    connection = {}
    for server in servers:
        address = urllib.parse.urlsplit(server)
        client = http.client.HTTPConnection(
            address.hostname, address.port, timeout=60
        )  # HTTP/1.1, kept alive
        try:
            client.request(
                "POST",
                "/webhooks/rest/webhook",
                json.dumps({"sender": "workers", "message": "hello"}),
                {"Content-Type": "application/json"},
            )
            response = client.getresponse()
            assert json.loads(response.read())
            connection[server] = response.getheader("Connection")
        finally:
            client.close()
    assert connection == {servers[0]: "keep-alive", servers[1]: "close"}
