"""`servator run` starts several workers only with a shared lock store: a Redis that answers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from servator.config.settings import Settings
from servator.runner.workers import MAX_WORKERS, default_workers, redis_answers


@pytest.fixture
def fake_redis(request: pytest.FixtureRequest) -> Iterator[str]:
    """A loopback server on a free port answering every connection with the given line."""
    answer: bytes = request.param
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(5)

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.recv(64)
                connection.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()


def closed_port_url() -> str:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.mark.parametrize("fake_redis", [b"+PONG\r\n"], indirect=True)
def test_a_redis_that_answers_gives_a_worker_per_core_sharing_it(fake_redis: str):
    assert redis_answers(fake_redis)
    assert default_workers(Settings({}), cores=2, redis_url=fake_redis) == {
        "REDIS_URL": fake_redis,
        "SANIC_WORKERS": "2",
    }
    assert default_workers(Settings({}), cores=64, redis_url=fake_redis)["SANIC_WORKERS"] == str(MAX_WORKERS)
    # What the person set is used as given.
    assert (
        default_workers(Settings({"REDIS_URL": "redis://elsewhere:6379/1"}), cores=2, redis_url=fake_redis)
        == {}
    )
    assert default_workers(Settings({"SANIC_WORKERS": "1"}), cores=2, redis_url=fake_redis) == {}


@pytest.mark.parametrize("fake_redis", [b"-NOAUTH Authentication required.\r\n"], indirect=True)
def test_a_redis_that_refuses_or_none_at_all_gives_one_worker(fake_redis: str):
    assert not redis_answers(fake_redis)
    assert default_workers(Settings({}), cores=2, redis_url=fake_redis) == {}
    assert default_workers(Settings({}), cores=2, redis_url=closed_port_url()) == {}
