"""The whole stack as `servator run` serves it, for the photo tests: the action server, Rasa, the web
chat, the officer dashboard (with an officer account) and the Telegram bot against the Bot API
stand-in, whose files are fetched from a file URL of their own (TELEGRAM_API_FILE_URL)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from servator.runner.processes import wait_for
from servator.runner.stack import rasa_ready, start_front_ends, start_stack
from tests.support.bot_api_stub import FILE_PREFIX, TOKEN, BotApiStub
from tests.support.dashboard import Dashboard, make_officer
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.tcp_proxy import free_port


@dataclass
class Served:
    rasa_url: str
    webchat_url: str
    dashboard: Dashboard
    database_url: str
    stub: BotApiStub
    folder: Path


@contextlib.contextmanager
def served_stack(trained_model: Path, folder: Path) -> Iterator[Served]:
    """Everything started on free ports over an SQLite file in `folder`; stopped afterwards."""
    database_url = f"sqlite:///{folder / 'servator.db'}"
    rasa_port, actions_port, webchat_port, dashboard_port = (free_port() for _ in range(4))
    stub = BotApiStub().start()
    env = {
        "SERVATOR_VAR_DIR": str(folder),
        "SERVATOR_OUTBOX_DIR": str(folder / "outbox"),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
        "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID,
        "WEBCHAT_PORT": str(webchat_port),
        "DASHBOARD_PORT": str(dashboard_port),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": stub.base_url,
        "TELEGRAM_API_FILE_URL": f"http://127.0.0.1:{stub.port}{FILE_PREFIX}/bot",
        "TELEGRAM_NOTIFY_INTERVAL_SECONDS": "0.3",
        "WEBCHAT_SESSION_MESSAGES_PER_MINUTE": "60",
    }
    supervisor = start_stack(trained_model, database_url, rasa_port, actions_port, env_overrides=env)
    try:
        assert rasa_ready(rasa_port, supervisor, 300), "Rasa did not start"
        start_front_ends(supervisor, rasa_port, database_url)
        webchat_url = f"http://127.0.0.1:{webchat_port}"
        dashboard_url = f"http://127.0.0.1:{dashboard_port}"
        assert wait_for(f"{webchat_url}/", 60, supervisor.children), "the web chat did not start"
        assert wait_for(f"{dashboard_url}/login", 60, supervisor.children), "the dashboard did not start"
        stub.wait_for(lambda: stub.calls_to("getUpdates"), 60, "the bot to poll")
        make_officer(database_url)
        yield Served(
            f"http://127.0.0.1:{rasa_port}",
            webchat_url,
            Dashboard(dashboard_url, database_url),
            database_url,
            stub,
            folder,
        )
    finally:
        supervisor.stop()
        stub.stop()
