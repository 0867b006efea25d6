"""Shared fixtures: the trained model (cached by content hash) and the real running stack."""
from __future__ import annotations

import json
import os
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("SENDER_HASH_KEY", "test-only-sender-hash-key")

# Overridable so that two test runs on one machine do not collide.
TEST_RASA_PORT = int(os.environ.get("SERVATOR_TEST_RASA_PORT", "15005"))
TEST_ACTIONS_PORT = int(os.environ.get("SERVATOR_TEST_ACTIONS_PORT", "15055"))
# The officer chat the test stack notifies about every new report (the Telegram tests read it).
TEST_OFFICER_CHAT_ID = "-100424242"


@dataclass
class Stack:
    """The running servers and the database they write to."""

    rasa_url: str
    database_url: str
    outbox_dir: Path

    def talk(self, sender: str, message: Any, timeout: float = 30) -> List[Dict[str, Any]]:
        """POST one message to the REST channel; returns the bot's replies."""
        return post_json(f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message}, timeout)

    def texts(self, sender: str, message: Any) -> List[str]:
        return [reply.get("text", "") for reply in self.talk(sender, message)]


def post_json(url: str, body: Any, timeout: float = 30) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        assert response.status == 200
        return json.loads(response.read() or b"null")


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The real model for the current config/domain/data (trained once, then reused)."""
    from servator.training import train_if_needed

    return train_if_needed()


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory):
    """The action server and Rasa, as `make run` starts them, on test ports and a fresh SQLite file."""
    from servator.runner import rasa_ready, start_stack, wait_for

    folder = tmp_path_factory.mktemp("stack")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    outbox = folder / "outbox"
    supervisor = start_stack(
        trained_model, database_url, TEST_RASA_PORT, TEST_ACTIONS_PORT,
        env_overrides={"SERVATOR_OUTBOX_DIR": str(outbox), "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID, "SERVATOR_VAR_DIR": str(folder)},
    )
    try:
        assert rasa_ready(TEST_RASA_PORT, supervisor, 300), "Rasa did not start"
        assert wait_for(f"http://127.0.0.1:{TEST_ACTIONS_PORT}/health", 60, supervisor.children), "no action server"
        yield Stack(f"http://127.0.0.1:{TEST_RASA_PORT}", database_url, outbox)
    finally:
        supervisor.stop()
