"""The Telegram front end end to end: the real `python -m bot` against a local Bot API stand-in.

Each bot runs as its own process, exactly as `servator run` starts it, with TELEGRAM_API_BASE_URL
pointing at tests/bot_api_stub.py. The `rasa` tests talk to the real trained model and action
server (the `stack` fixture); the others use a closed port for Rasa (so: Rasa unreachable).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from bot.config import BotConfig, file_url_for
from bot.handlers import CALLBACK_DATA_LIMIT, callback_data_for, payload_for
from bot.rasa_client import telegram_sender
from servator.responses import render
from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from bot_api_stub import TOKEN, BotApiStub
from conftest import ROOT, TEST_OFFICER_CHAT_ID
from storage_helpers import full_draft

OFFICER_USER = 777001
OFFICER_CHAT = int(TEST_OFFICER_CHAT_ID)
UNSUPPORTED = render("utter_unsupported_content")["text"]
UNAVAILABLE = render("utter_service_unavailable")["text"]
SLOW_DOWN = render("utter_slow_down")["text"]
REFUSAL = "only for police officers"
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
        full_env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": stub.base_url,
                    "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID, "OFFICER_USER_IDS": str(OFFICER_USER),
                    "TELEGRAM_NOTIFY_INTERVAL_SECONDS": "0.3", "SQLALCHEMY_SILENCE_UBER_WARNING": "1", **env}
        self.database_url = full_env.get("DATABASE_URL", "")
        self.process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=full_env,
                                        stdout=log_path.open("w"), stderr=subprocess.STDOUT)

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> int:
        self.process.terminate()
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("the bot did not stop on SIGTERM")


def closed_rasa_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


def sqlite_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bot.db'}"
    ensure_schema(url)
    return url


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A polling bot whose Rasa is unreachable (a closed port), with its own report database."""
    folder = tmp_path_factory.mktemp("offline-bot")
    stub = BotApiStub().start()
    bot = BotProcess(stub, folder / "bot.log", RASA_URL=closed_rasa_url(), DATABASE_URL=sqlite_db(folder),
                     TELEGRAM_FLOOD_MAX_MESSAGES="5", TELEGRAM_FLOOD_WINDOW_SECONDS="60")
    try:
        stub.wait_for(lambda: stub.calls_to("getUpdates"), 60, "the bot to start polling")
        yield bot
    finally:
        assert bot.stop() == 0
        stub.stop()


def say(bot: BotProcess, user: int, text: str, chat: Optional[int] = None) -> List[Dict[str, Any]]:
    """Send a message as the user; the bot's replies to that chat."""
    chat = user if chat is None else chat
    before = len(bot.stub.calls_to("sendMessage", chat))
    bot.stub.send_text(user, text, chat)
    return bot.stub.replies(chat, before)


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


# --- pure pieces ------------------------------------------------------------------------------

def test_config_from_env_derives_file_url_and_requires_a_webhook_secret():
    config = BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
                                 "OFFICER_USER_IDS": "1, 2", "OFFICER_CHAT_IDS": "-100, 5"})
    assert config.api_file_url == "http://127.0.0.1:9/file/bot"
    assert config.officer_user_ids == {1, 2} and config.officer_chat_ids == ("-100", "5")
    assert TOKEN not in repr(config)
    assert BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN}).api_base_url == "https://api.telegram.org/bot"
    assert file_url_for("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_SECRET"):
        BotConfig.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://servator.test/tg"})
    with pytest.raises(ValueError, match="TELEGRAM_BOT_TOKEN"):
        BotConfig.from_env({})


def test_long_button_payloads_travel_as_short_tokens():
    chat_data: Dict[str, Any] = {}
    short = "/inform{\"report_category\":\"surveillance\"}"
    long = "/change_field{\"report_field\":\"report_contact_consent\"}" + " " * 40
    assert callback_data_for(short, chat_data) == short and payload_for(short, chat_data) == short
    token = callback_data_for(long, chat_data)
    assert len(token.encode()) <= CALLBACK_DATA_LIMIT and token != long
    assert payload_for(token, chat_data) == long
    assert payload_for(token, {"button_tokens": OrderedDict()}) is None, "a token only works in its own chat"


# --- Rasa unreachable, unsupported content, flood limit -----------------------------------------

def test_rasa_unreachable_still_gives_999_and_the_hotline(offline):
    replies = say(offline, new_user(), "there is a man filming the embassy")
    assert [r["text"] for r in replies] == [UNAVAILABLE]
    assert "999" in UNAVAILABLE and "0800 789 321" in UNAVAILABLE


@pytest.mark.parametrize("send", ["send_sticker", "send_voice"])
def test_stickers_and_voice_notes_get_the_unsupported_content_text(offline, send):
    user = new_user()
    getattr(offline.stub, send)(user)
    assert [r["text"] for r in offline.stub.replies(user, 0)] == [UNSUPPORTED]


def test_flooding_user_is_told_once_to_slow_down(offline):
    user = new_user()
    for _ in range(8):
        offline.stub.send_sticker(user)
    sent = [r["text"] for r in offline.stub.replies(user, 0, settle=1.5)]
    assert sent == [UNSUPPORTED] * 5 + [SLOW_DOWN]
    other = new_user()
    offline.stub.send_sticker(other)
    assert [r["text"] for r in offline.stub.replies(other, 0)] == [UNSUPPORTED], "the limit is per user"


# --- officers: notifications and commands (reports made directly in storage) --------------------

def stored_report(bot: BotProcess, key: str, **changes: Any) -> str:
    """A committed report with one pending notification for the officer chat, as the action server makes it."""
    reference, created = store_draft(full_draft(key, **changes), make_session_factory(bot.database_url),
                                     [TEST_OFFICER_CHAT_ID])
    assert created
    return reference


def notifications(bot: BotProcess, reference: str) -> List[Dict[str, Any]]:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        report = uow.reports.get(reference)
        return [{"status": n.status, "attempts": n.attempts, "last_error": n.last_error} for n in report.notifications]


def officer_messages_about(bot: BotProcess, reference: str) -> List[str]:
    return [c["text"] for c in bot.stub.calls_to("sendMessage", OFFICER_CHAT) if reference in c["text"]]


def test_new_report_reaches_the_officer_chat_as_a_structured_message(offline):
    reference = stored_report(offline, f"notify-{uuid.uuid4().hex}")
    [message] = offline.stub.wait_for(lambda: officer_messages_about(offline, reference), 20, "the notification")
    for expected in ("Category: surveillance", "STILL HAPPENING", "ten minutes ago", "Grosvenor Square W1K 6AH",
                     "a man filming the embassy gate", "tall, grey coat", "AB12 CDE", "north towards Oxford Street",
                     "07700900123", "Photos attached: 2", "51.51130, -0.15270"):
        assert expected in message, expected
    offline.stub.wait_for(lambda: notifications(offline, reference) == [
        {"status": "sent", "attempts": 0, "last_error": None}], 10, "the row marked sent")


def test_contact_details_without_consent_are_not_in_the_notification(offline):
    reference = stored_report(offline, f"anon-{uuid.uuid4().hex}", contact_consent=False, still_happening=False)
    [message] = offline.stub.wait_for(lambda: officer_messages_about(offline, reference), 20, "the notification")
    assert "07700900123" not in message and "anonymous" in message and "not happening now" in message


def test_telegram_outage_delays_a_notification_but_loses_none(offline):
    offline.stub.fail("sendMessage", 3, status=502, when=lambda p: str(p.get("chat_id")) == TEST_OFFICER_CHAT_ID)
    reference = stored_report(offline, f"outage-{uuid.uuid4().hex}")
    offline.stub.wait_for(lambda: officer_messages_about(offline, reference), 40, "the notification after the outage")
    offline.stub.wait_for(lambda: notifications(offline, reference)[0]["status"] == "sent", 10, "marked sent")
    [row] = notifications(offline, reference)
    assert row["attempts"] == 3 and row["last_error"] == "NetworkError"
    assert len(officer_messages_about(offline, reference)) == 1, "delivered exactly once"
    failed = offline.stub.calls_to("sendMessage", OFFICER_CHAT, failed=True)
    assert sum(reference in call["text"] for call in failed) == 3, "each failure was retried"


def audit_rows(bot: BotProcess) -> List[Dict[str, Any]]:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        return [{"actor": e.actor, "action": e.action, "reference": e.reference, "detail": e.detail}
                for e in uow.audit.entries()]


def status_of(bot: BotProcess, reference: str) -> str:
    with SqlUnitOfWork(make_session_factory(bot.database_url)) as uow:
        return uow.reports.get(reference).status


def test_officer_lists_reads_and_acknowledges_reports(offline):
    reference = stored_report(offline, f"officer-{uuid.uuid4().hex}")
    listing = texts(say(offline, OFFICER_USER, "/reports"))
    assert reference in listing and "surveillance" in listing and "a man filming" not in listing
    full = texts(say(offline, OFFICER_USER, f"/report {reference.lower()}"))
    assert reference in full and "a man filming the embassy gate" in full and "status: new" in full
    assert "reviewed" in texts(say(offline, OFFICER_USER, f"/ack {reference}"))
    assert status_of(offline, reference) == "reviewed"
    assert reference not in texts(say(offline, OFFICER_USER, "/reports")), "only new reports are listed"
    officer = f"telegram:{telegram_sender(OFFICER_USER)}"
    actions = [(row["action"], row["actor"]) for row in audit_rows(offline) if row["reference"] == reference]
    assert ("telegram_ack", officer) in actions and ("telegram_view", officer) in actions
    assert "No report" in texts(say(offline, OFFICER_USER, "/report SRV-20990101-ZZZZZZ"))


def test_non_officers_are_refused_audited_and_shown_nothing(offline):
    reference = stored_report(offline, f"refused-{uuid.uuid4().hex}")
    stranger = new_user()
    for command in ("/reports", f"/report {reference}", f"/ack {reference}"):
        replies = say(offline, stranger, command)
        assert len(replies) == 1 and REFUSAL in replies[0]["text"], command
        assert reference not in replies[0]["text"] and "filming" not in replies[0]["text"]
    assert status_of(offline, reference) == "new"
    actor = f"telegram:{telegram_sender(stranger)}"
    refused = [row for row in audit_rows(offline) if row["actor"] == actor]
    assert [(row["action"], row["detail"]) for row in refused] == [
        ("telegram_refused", "command=/reports"), ("telegram_refused", "command=/report"),
        ("telegram_refused", "command=/ack")]
    assert str(stranger) not in json.dumps(audit_rows(offline)), "no raw Telegram ids in the audit trail"


def test_logs_hold_no_token_message_text_or_raw_ids(offline):
    user = new_user()
    say(offline, user, "secret words about a suspicious parcel")
    log = offline.log()
    assert "Telegram bot running (long polling)" in log
    for leaked in (TOKEN, TOKEN.split(":")[1], "secret words", str(user), str(OFFICER_USER), TEST_OFFICER_CHAT_ID,
                   "a man filming"):
        assert leaked not in log, f"{leaked!r} reached the log"


# --- webhook mode --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A webhook-mode bot listening on a free loopback port (Rasa unreachable)."""
    folder = tmp_path_factory.mktemp("webhook-bot")
    stub = BotApiStub().start()
    port = free_port()
    bot = BotProcess(stub, folder / "bot.log", RASA_URL=closed_rasa_url(), DATABASE_URL=sqlite_db(folder),
                     TELEGRAM_WEBHOOK_URL="https://servator.test/telegram/hook",
                     TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET, TELEGRAM_WEBHOOK_LISTEN=f"127.0.0.1:{port}")
    bot.webhook_url = f"http://127.0.0.1:{port}/telegram/hook"  # type: ignore[attr-defined]
    try:
        stub.wait_for(lambda: stub.calls_to("setWebhook"), 60, "the bot to set its webhook")
        yield bot
    finally:
        assert bot.stop() == 0
        stub.stop()


def post_update(bot: BotProcess, body: bytes, secret: Optional[str] = WEBHOOK_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(bot.webhook_url, data=body, headers=headers)  # type: ignore[attr-defined]
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def sticker_update(bot: BotProcess, user: int) -> Dict[str, Any]:
    return bot.stub.message_update(user, sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                                  "width": 1, "height": 1, "is_animated": False, "is_video": False})


def test_webhook_is_registered_with_its_secret_and_polling_is_off(webhook):
    [call] = webhook.stub.calls_to("setWebhook")
    assert call["url"] == "https://servator.test/telegram/hook" and call["secret_token"] == WEBHOOK_SECRET
    assert not webhook.stub.calls_to("getUpdates")


def test_webhook_refuses_a_missing_or_wrong_secret(webhook):
    user = new_user()
    body = json.dumps(sticker_update(webhook, user)).encode()
    assert post_update(webhook, body, secret=None) == 403
    assert post_update(webhook, body, secret="wrong-secret") == 403
    assert post_update(webhook, body, secret=WEBHOOK_SECRET + "x") == 403
    assert not webhook.stub.calls_to("sendMessage", user)
    assert post_update(webhook, body) == 200
    assert [r["text"] for r in webhook.stub.replies(user, 0)] == [UNSUPPORTED]


def test_webhook_processes_a_duplicate_update_once(webhook):
    user = new_user()
    body = json.dumps(sticker_update(webhook, user)).encode()
    assert [post_update(webhook, body) for _ in range(3)] == [200, 200, 200]
    assert len(webhook.stub.replies(user, 0, settle=1.5)) == 1


def test_webhook_refuses_an_oversize_body(webhook):
    user = new_user()
    update = webhook.stub.message_update(user, text="x" * (1024 * 1024 + 10))
    assert post_update(webhook, json.dumps(update).encode()) == 413
    assert post_update(webhook, b"not json") == 400
