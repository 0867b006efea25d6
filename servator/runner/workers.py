"""How many Rasa and action-server workers `servator run` starts with no settings.

Several Rasa workers need a lock store they share, or two turns of one conversation could be
handled at once by two workers (Rasa itself falls back to one worker without one). So: with
`REDIS_URL` or `SANIC_WORKERS` set, the settings are used as given; otherwise, when a Redis
server answers on this machine (`LOCAL_REDIS_URL`), it becomes the lock store and each core gets
a Rasa worker (at most `MAX_WORKERS`); when none answers, one. The action server keeps one
worker (`ACTION_SERVER_SANIC_WORKERS` sets more): it uses about a tenth of Rasa's CPU per
message (docs/performance.md).
"""

from __future__ import annotations

import os
import socket
import urllib.parse
from collections.abc import Mapping

from servator.config.settings import Settings

LOCAL_REDIS_URL = "redis://127.0.0.1:6379/0"
# Each Rasa worker holds its own copy of Rasa and TensorFlow (about 650 MB).
MAX_WORKERS = 4


def redis_answers(redis_url: str, timeout: float = 0.5) -> bool:
    """True if a Redis server at the URL answers PING (no password: a plain local server)."""
    url = urllib.parse.urlsplit(redis_url)
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), timeout) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def default_workers(
    settings: Settings | None = None, cores: int | None = None, redis_url: str = LOCAL_REDIS_URL
) -> dict[str, str]:
    """The environment `servator run` adds: a local Redis lock store and a Rasa worker per core, if found."""
    settings = settings or Settings.from_env()
    if settings.redis_url or settings.sanic_workers_chosen:
        return {}
    if not redis_answers(redis_url):
        return {}
    workers = str(max(1, min(MAX_WORKERS, cores or os.cpu_count() or 1)))
    return {"REDIS_URL": redis_url, "SANIC_WORKERS": workers}


def describe_workers(workers: Mapping[str, str]) -> str:
    """What `servator run` says it starts."""
    if not workers:
        return "one Rasa worker"
    return f"{workers['SANIC_WORKERS']} Rasa workers sharing the Redis lock store at {workers['REDIS_URL']}"
