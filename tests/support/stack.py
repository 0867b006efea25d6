"""The running test stack as the tests see it: its URLs, and a JSON POST helper."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The officer chat the test stack notifies about every new report (the Telegram tests read it).
TEST_OFFICER_CHAT_ID = "-100424242"


@dataclass
class Stack:
    """The running servers and the database they write to."""

    rasa_url: str
    database_url: str
    outbox_dir: Path
    actions_url: str = ""
    # What Rasa sends the action server, and what the Telegram front end sends Rasa.
    action_token: str = ""
    front_end_token: str = ""

    def talk(self, sender: str, message: Any, timeout: float = 30) -> list[dict[str, Any]]:
        """POST one message to the REST channel; returns the bot's replies."""
        return post_json(
            f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message}, timeout
        )

    def texts(self, sender: str, message: Any) -> list[str]:
        return [reply.get("text", "") for reply in self.talk(sender, message)]

    def talk_as_front_end(self, sender: str, message: str) -> list[dict[str, Any]]:
        """What the Telegram front end sends for a shared location or photo: with its token."""
        return post_json(
            f"{self.rasa_url}/webhooks/rest/webhook",
            {"sender": sender, "message": message},
            headers={"X-Servator-Front-End": self.front_end_token},
        )


def post_json(url: str, body: Any, timeout: float = 30, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        assert response.status == 200
        return json.loads(response.read() or b"null")
