"""Officers over Telegram: notifications (and Telegram outages), officer commands, refusals, and
the webhook server's checks. Reports are made directly in storage, as the action server makes them.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.rasa_client import telegram_sender
from tests.support.bot_api_stub import TOKEN
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.telegram_harness import (
    OFFICER_CHAT,
    OFFICER_USER,
    REFUSAL,
    UNSUPPORTED,
    WEBHOOK_SECRET,
    BotProcess,
    audit_rows,
    closed_rasa_url,
    free_port,
    new_user,
    notifications,
    officer_messages_about,
    running_bot,
    say,
    sqlite_db,
    status_of,
    stored_report,
    texts,
)


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A polling bot with its own report database (Rasa unreachable: not needed here)."""
    folder = tmp_path_factory.mktemp("officer-bot")
    with running_bot(folder, RASA_URL=closed_rasa_url(), DATABASE_URL=sqlite_db(folder)) as bot:
        yield bot


def test_new_report_reaches_the_officer_chat_as_a_structured_message(offline):
    reference = stored_report(offline, f"notify-{uuid.uuid4().hex}")
    [message] = offline.stub.wait_for(
        lambda: officer_messages_about(offline, reference), 20, "the notification"
    )
    for expected in (
        "Category: surveillance",
        "STILL HAPPENING",
        "ten minutes ago",
        "Grosvenor Square W1K 6AH",
        "a man filming the embassy gate",
        "tall, grey coat",
        "AB12 CDE",
        "north towards Oxford Street",
        "07700900123",
        "Photos attached: 2",
        "51.51130, -0.15270",
    ):
        assert expected in message, expected
    offline.stub.wait_for(
        lambda: notifications(offline, reference) == [{"status": "sent", "attempts": 0, "last_error": None}],
        10,
        "the row marked sent",
    )


def test_contact_details_without_consent_are_not_in_the_notification(offline):
    reference = stored_report(
        offline, f"anon-{uuid.uuid4().hex}", contact_consent=False, still_happening=False
    )
    [message] = offline.stub.wait_for(
        lambda: officer_messages_about(offline, reference), 20, "the notification"
    )
    assert "07700900123" not in message and "anonymous" in message and "not happening now" in message


def test_telegram_outage_delays_a_notification_but_loses_none(offline):
    offline.stub.fail(
        "sendMessage", 3, status=502, when=lambda p: str(p.get("chat_id")) == TEST_OFFICER_CHAT_ID
    )
    reference = stored_report(offline, f"outage-{uuid.uuid4().hex}")
    offline.stub.wait_for(
        lambda: officer_messages_about(offline, reference), 40, "the notification after the outage"
    )
    offline.stub.wait_for(lambda: notifications(offline, reference)[0]["status"] == "sent", 10, "marked sent")
    [row] = notifications(offline, reference)
    assert row["attempts"] == 3 and row["last_error"] == "NetworkError"
    assert len(officer_messages_about(offline, reference)) == 1, "delivered exactly once"
    failed = offline.stub.calls_to("sendMessage", OFFICER_CHAT, failed=True)
    assert sum(reference in call["text"] for call in failed) == 3, "each failure was retried"


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
        ("telegram_refused", "command=/reports"),
        ("telegram_refused", "command=/report"),
        ("telegram_refused", "command=/ack"),
    ]
    assert str(stranger) not in json.dumps(audit_rows(offline)), "no raw Telegram ids in the audit trail"


def test_logs_hold_no_token_message_text_or_raw_ids(offline):
    user = new_user()
    say(offline, user, "secret words about a suspicious parcel")
    log = offline.log()
    assert "Telegram bot running (long polling)" in log
    for leaked in (
        TOKEN,
        TOKEN.split(":")[1],
        "secret words",
        str(user),
        str(OFFICER_USER),
        TEST_OFFICER_CHAT_ID,
        "a man filming",
    ):
        assert leaked not in log, f"{leaked!r} reached the log"


# --- webhook mode --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A webhook-mode bot listening on a free loopback port (Rasa unreachable)."""
    folder = tmp_path_factory.mktemp("webhook-bot")
    port = free_port()
    with running_bot(
        folder,
        "setWebhook",
        RASA_URL=closed_rasa_url(),
        DATABASE_URL=sqlite_db(folder),
        TELEGRAM_WEBHOOK_URL="https://servator.test/telegram/hook",
        TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
        TELEGRAM_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
    ) as bot:
        bot.webhook_url = f"http://127.0.0.1:{port}/telegram/hook"  # type: ignore[attr-defined]
        yield bot


def post_update(bot: BotProcess, body: bytes, secret: str | None = WEBHOOK_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(bot.webhook_url, data=body, headers=headers)  # type: ignore[attr-defined]
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def sticker_update(bot: BotProcess, user: int) -> dict[str, Any]:
    return bot.stub.message_update(
        user,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        },
    )


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
