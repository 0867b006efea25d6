"""Rasa's endpoints file (var/endpoints-<port>.yml): tracker store, lock store, the action endpoint.

Written by the runner for each Rasa server it starts; it holds the database and Redis passwords
and the action server's token, so it is written readable by its owner only.
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from servator.config.constants import DEFAULT_LOCK_PREFIX, ROOT
from servator.config.settings import Settings

QUEUE_LOCK_STORE = "servator.rasa_runtime.lock_store.QueueLockStore"


SQL_TRACKER_STORE = "servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore"


def tracker_store_config(database_url: str, store_type: str = SQL_TRACKER_STORE) -> dict[str, object]:
    """Rasa's SQL tracker store settings from a SQLAlchemy URL (same database as reports).

    `store_type` "sql" is Rasa's own class; the default is its subclass tuned for SQLite.
    """
    url = make_url(database_url)
    config: dict[str, object] = {"type": store_type, "dialect": url.drivername, "db": url.database}
    for key, value in (
        ("url", url.host),
        ("port", url.port),
        ("username", url.username),
        ("password", url.password),
    ):
        if value is not None:
            config[key] = value
    if url.query:  # e.g. ?sslmode=require: Rasa's SQLTrackerStore passes `query` on to the URL it builds
        config["query"] = {
            key: value if isinstance(value, str) else list(value) for key, value in url.query.items()
        }
    return config


def lock_store_config(
    redis_url: str, key_prefix: str = DEFAULT_LOCK_PREFIX, queue: bool = True
) -> dict[str, object]:
    """The Redis lock store from REDIS_URL (redis://[user:password@]host:port/db):
    servator.rasa_runtime.lock_store's queue, or with `queue=False` Rasa's own RedisLockStore
    (same settings).

    Several Rasa servers (or Sanic workers) must share conversation locks, or two turns of one
    conversation arriving at two servers at once would both write the tracker.
    """
    url = urllib.parse.urlsplit(redis_url)
    if url.scheme not in ("redis", "rediss"):
        raise ValueError("REDIS_URL must start with redis:// or rediss://")
    if not key_prefix.isalnum():
        raise ValueError("the Redis lock prefix must be alphanumeric (Rasa ignores any other)")
    config: dict[str, object] = {
        "type": QUEUE_LOCK_STORE if queue else "redis",
        "url": url.hostname or "127.0.0.1",
        "port": url.port or 6379,
        "db": int(url.path.strip("/") or 0),
        "key_prefix": key_prefix,
    }
    if url.username:
        config["username"] = urllib.parse.unquote(url.username)
    if url.password:
        config["password"] = urllib.parse.unquote(url.password)
    if url.scheme == "rediss":
        config["use_ssl"] = True
    return config


def action_server_url(actions_port: int, settings: Settings) -> str:
    """Where Rasa calls the action server: its interface, or loopback when it listens on all of them."""
    host = settings.actions_host
    host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{f'[{host}]' if ':' in host else host}:{actions_port}/webhook"


def write_endpoints(
    database_url: str,
    actions_port: int,
    target: Path,
    redis_url: str | None = None,
    lock_prefix: str = DEFAULT_LOCK_PREFIX,
    speedups: bool = True,
    settings: Settings | None = None,
) -> Path:
    """var/endpoints.yml: the committed endpoints plus the tracker store, action URL and lock store.

    The action endpoint carries the action server's token (Rasa sends it as `?token=`), and the
    file holds database and Redis passwords: it is written private (0600), whatever the umask.
    `speedups=False` gives Rasa's own SQL tracker store (`make bench`'s vanilla Rasa).
    """
    settings = settings or Settings.from_env()
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"] = {
        "url": action_server_url(actions_port, settings),
        "token": settings.action_server_secret(),
    }
    if speedups:  # Rasa sends its domain (about 23 KB of JSON) only to validate_* actions
        endpoints["action_endpoint"]["enable_selective_domain"] = True
    endpoints["tracker_store"] = tracker_store_config(database_url, SQL_TRACKER_STORE if speedups else "sql")
    if redis_url:
        endpoints["lock_store"] = lock_store_config(redis_url, lock_prefix, queue=speedups)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(target, yaml.safe_dump(endpoints))
    return target


def write_private(target: Path, text: str) -> None:
    """Write a file readable by its owner only (0600), replacing it whole."""
    temp = target.with_name(f".{target.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.chmod(temp, 0o600)
    os.replace(temp, target)
