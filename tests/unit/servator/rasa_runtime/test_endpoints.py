"""Rasa's endpoints file: the tracker store, the lock store with Redis, the action server's URL and token."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from servator.rasa_runtime.endpoints import lock_store_config, write_endpoints
from tests.support.storage_helpers import sqlite_url


def test_redis_url_becomes_rasa_lock_store_settings():
    config = lock_store_config("redis://user:p%40ss@10.1.2.3:6380/4", "abc1")
    assert config == {
        "type": "servator.rasa_runtime.lock_store.QueueLockStore",
        "url": "10.1.2.3",
        "port": 6380,
        "db": 4,
        "key_prefix": "abc1",
        "username": "user",
        "password": "p@ss",
    }
    assert lock_store_config("redis://10.1.2.3", queue=False)["type"] == "redis"  # Rasa's own
    assert lock_store_config("rediss://cache")["use_ssl"] is True
    assert lock_store_config("redis://127.0.0.1")["db"] == 0
    with pytest.raises(ValueError):
        lock_store_config("http://127.0.0.1:6379/0")
    with pytest.raises(ValueError):
        lock_store_config("redis://127.0.0.1:6379/0", "not-alnum")


def test_endpoints_get_the_lock_store_only_with_redis(tmp_path: Path):
    database_url = "postgresql://postgres@127.0.0.1:5432/servator"
    without = yaml.safe_load(write_endpoints(database_url, 5055, tmp_path / "a.yml").read_text())
    assert "lock_store" not in without and without["tracker_store"]["dialect"] == "postgresql"
    assert without["tracker_store"]["type"] == "servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore"
    shared = yaml.safe_load(
        write_endpoints(database_url, 5056, tmp_path / "b.yml", "redis://127.0.0.1:6379/2").read_text()
    )
    assert shared["lock_store"] == {
        "type": "servator.rasa_runtime.lock_store.QueueLockStore",
        "url": "127.0.0.1",
        "port": 6379,
        "db": 2,
        "key_prefix": "servator",
    }
    assert shared["action_endpoint"]["url"].endswith(":5056/webhook")


def test_only_the_form_validation_gets_the_domain_and_vanilla_gets_rasas_default(tmp_path: Path):
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    from servator.config.constants import DOMAIN_PATH

    url = sqlite_url(tmp_path)
    ours = yaml.safe_load(write_endpoints(url, 5055, tmp_path / "a.yml").read_text())["action_endpoint"]
    vanilla = yaml.safe_load(write_endpoints(url, 5055, tmp_path / "b.yml", speedups=False).read_text())
    assert "enable_selective_domain" not in vanilla["action_endpoint"]
    domain = Domain.load(str(DOMAIN_PATH))
    tracker = DialogueStateTracker("someone", domain.slots)
    endpoint = EndpointConfig.from_dict(ours)
    sent = {
        name: "domain" in RemoteAction(name, endpoint)._action_call_format(tracker, domain)
        for name in ("validate_report_form", "action_submit_report", "action_reset_report")
    }
    assert sent == {"validate_report_form": True, "action_submit_report": False, "action_reset_report": False}


def test_the_endpoints_file_carries_the_token_and_is_private_whatever_the_umask(tmp_path: Path):
    from servator.config.settings import Settings
    from servator.rasa_runtime.endpoints import action_server_url

    settings = Settings.from_env({"ACTION_SERVER_TOKEN": "tok-123"})
    previous = os.umask(0)
    try:
        target = write_endpoints("sqlite:////tmp/x.db", 5055, tmp_path / "e.yml", settings=settings)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    endpoints = yaml.safe_load(target.read_text())
    action = endpoints["action_endpoint"]
    assert (action["url"], action["token"]) == ("http://127.0.0.1:5055/webhook", "tok-123")
    assert (
        action_server_url(5055, Settings.from_env({"ACTIONS_HOST": "0.0.0.0"}))
        == "http://127.0.0.1:5055/webhook"
    )
    assert (
        action_server_url(5055, Settings.from_env({"ACTIONS_HOST": "10.0.0.7"}))
        == "http://10.0.0.7:5055/webhook"
    )
    assert action_server_url(5055, Settings.from_env({"ACTIONS_HOST": "::1"})) == "http://[::1]:5055/webhook"
