"""Running the real `python -m bot` against the Bot API stand-in, and reading what it did."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from servator.config.responses import render, service_unavailable_reply
from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from tests.support.bot_api_stub import TOKEN, BotApiStub
from tests.support.stack import ROOT, TEST_OFFICER_CHAT_ID
from tests.support.storage_helpers import full_draft

OFFICER_USER = 777001
OFFICER_CHAT = int(TEST_OFFICER_CHAT_ID)
UNSUPPORTED = render("utter_unsupported_content")["text"]
UNAVAILABLE = service_unavailable_reply()["text"]
SLOW_DOWN = render("utter_slow_down")["text"]
REFUSAL = "only for police officers"
PRIVATE_ONLY = "Officer commands work only in a private chat with this bot."
WEBHOOK_SECRET = "test_webhook_secret-123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_users = iter(range(910_000, 999_999))


def new_user() -> int:
    return next(_users)


class BotProcess:
    """`python -m bot` with the given environment; its log is kept for the no-secrets-in-logs check."""

    def __init__(self, stub: BotApiStub, log_path: Path, **env: str) -> None:
        self.stub = stub
        self.log_path = log_path
        full_env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": stub.base_url,
            "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID,
            "OFFICER_USER_IDS": str(OFFICER_USER),
            "TELEGRAM_NOTIFY_INTERVAL_SECONDS": "0.3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            **env,
        }
        self.database_url = full_env.get("DATABASE_URL", "")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=ROOT,
            env=full_env,
            stdout=log_path.open("w"),
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> int:
        self.process.terminate()
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("the bot did not stop on SIGTERM") from None


def closed_rasa_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


def sqlite_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bot.db'}"
    ensure_schema(url)
    return url


@contextlib.contextmanager
def running_bot(folder: Path, ready_method: str = "getUpdates", **env: str) -> Iterator[BotProcess]:
    """A stub and a bot process using it; waits until the bot is serving, stops both afterwards."""
    stub = BotApiStub().start()
    bot = BotProcess(stub, folder / "bot.log", **env)
    try:
        stub.wait_for(lambda: stub.calls_to(ready_method), 60, f"the bot to call {ready_method}")
        yield bot
    finally:
        code = bot.stop()
        stub.stop()
        assert code == 0, f"the bot exited with {code}"


def say(bot: BotProcess, user: int, text: str, chat: int | None = None) -> list[dict[str, Any]]:
    """Send a message as the user; the bot's replies to that chat."""
    chat = user if chat is None else chat
    before = len(bot.stub.calls_to("sendMessage", chat))
    bot.stub.send_text(user, text, chat)
    return bot.stub.replies(chat, before)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def notifications(bot: BotProcess, reference: str) -> list[dict[str, Any]]:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        report = uow.reports.get(reference)
        return [
            {"status": n.status, "attempts": n.attempts, "last_error": n.last_error}
            for n in report.notifications
        ]


def officer_messages_about(bot: BotProcess, reference: str) -> list[str]:
    """The officers' alerts (and reminders) about this report, without linked-report alerts.

    Reports in a shared test database may form a pattern with this one; that alert names the
    reference too but is not the report's own notification.
    """
    return [
        c["text"]
        for c in bot.stub.calls_to("sendMessage", OFFICER_CHAT)
        if reference in c["text"] and not c["text"].startswith("Linked reports")
    ]


def audit_rows(bot: BotProcess) -> list[dict[str, Any]]:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        return [
            {"actor": e.actor, "action": e.action, "reference": e.reference, "detail": e.detail}
            for e in uow.audit.entries()
        ]


def status_of(bot: BotProcess, reference: str) -> str:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        return uow.reports.get(reference).status


def keyboard_data(replies: list[dict[str, Any]]) -> list[str]:
    return [
        button["callback_data"]
        for reply in replies
        if reply.get("reply_markup")
        for row in reply["reply_markup"]["inline_keyboard"]
        for button in row
    ]


def stored(stack_url: str, reference: str) -> dict[str, Any]:
    with SqlUnitOfWork(make_session_factory(stack_url)) as uow:
        return uow.reports.get(reference).to_dict()


def stored_report(bot: BotProcess, key: str, **changes: Any) -> str:
    """A committed report with one pending notification for the officer chat, as the action server makes it."""
    reference, created = store_draft(
        full_draft(key, **changes), make_session_factory(bot.database_url), [TEST_OFFICER_CHAT_ID]
    )
    assert created
    return reference


def settle_earlier_alerts(database_url: str) -> int:
    """Marks sent the alerts still pending in a shared test database: earlier modules' reports, made
    when no bot was running. Telegram lets a bot send 20 messages a minute to a group (ptb's
    AIORateLimiter keeps to it), so a backlog of them would hold this module's alerts for minutes.
    Returns how many there were."""
    with SqlUnitOfWork(make_session_factory(database_url)) as uow:
        pending = uow.notifications.pending(limit=100_000)
        for row in pending:
            uow.notifications.mark_sent(row.id)
        uow.commit()
    return len(pending)
