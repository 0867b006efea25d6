"""The stack the runner starts: the Rasa command (with the speedups or as it comes), the action server's environment."""

from __future__ import annotations

from pathlib import Path

import yaml

from servator.rasa_runtime.endpoints import write_endpoints
from servator.runner.stack import rasa_command
from tests.support.storage_helpers import sqlite_url


def test_the_stack_starts_rasa_with_the_speedups_and_vanilla_as_it_comes(tmp_path: Path):
    ours = rasa_command(Path("model.tar.gz"), Path("endpoints.yml"), 5005)
    assert ours[1:4] == ["-m", "servator.rasa_runtime.server", "run"]
    vanilla = rasa_command(Path("model.tar.gz"), Path("endpoints.yml"), 5005, speedups=False)
    assert Path(vanilla[0]).name == "rasa" and vanilla[1] == "run"
    url = sqlite_url(tmp_path)
    assert (
        yaml.safe_load(write_endpoints(url, 5055, tmp_path / "a.yml").read_text())["tracker_store"]["type"]
        == "servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore"
    )
    assert (
        yaml.safe_load(write_endpoints(url, 5055, tmp_path / "b.yml", speedups=False).read_text())[
            "tracker_store"
        ]["type"]
        == "sql"
    )


def test_the_action_server_binds_loopback_with_the_same_token_unless_moved():
    from servator.runner.stack import action_server_environment

    env = action_server_environment({"ACTION_SERVER_TOKEN": "tok-123"})
    assert env["SANIC_HOST"] == "127.0.0.1" and env["ACTION_SERVER_TOKEN"] == "tok-123"
    moved = action_server_environment({"ACTIONS_HOST": "10.0.0.7", "ACTION_SERVER_TOKEN": "t"})
    assert moved["SANIC_HOST"] == "10.0.0.7"
