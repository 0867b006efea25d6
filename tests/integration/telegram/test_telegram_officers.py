"""Officers over Telegram: notifications (and Telegram outages), officer commands, refusals, and
the webhook server's checks. Reports are made directly in storage, as the action server makes them.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.rasa_client import telegram_sender
from servator.storage import make_session_factory, store_draft
from tests.support.bot_api_stub import TOKEN
from tests.support.stack import TEST_OFFICER_CHAT_ID
from tests.support.storage_helpers import full_draft
from tests.support.telegram_harness import (
    OFFICER_CHAT,
    OFFICER_USER,
    PRIVATE_ONLY,
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


# What a person typed, or what identifies someone: never in an alert to an officer chat.
PRIVATE_DETAILS = (
    "a man filming the embassy gate",
    "tall, grey coat",
    "07700900123",
    "AB12 CDE",
    "silver ford focus",
    "north towards Oxford Street",
    "ten minutes ago",
    "Grosvenor Square W1K 6AH",
    "W1K 6AH",
    "51.5113",
)


def test_an_alert_carries_only_reference_category_urgency_coarse_place_and_time(offline):
    reference = stored_report(offline, f"notify-{uuid.uuid4().hex}")
    [message] = offline.stub.wait_for(
        lambda: officer_messages_about(offline, reference), 20, "the notification"
    )
    for expected in (
        f"URGENT: new report {reference}",
        "Category: surveillance",
        "STILL HAPPENING",
        "Place: Grosvenor Square, W1K",
        "Seen: 04 Mar 2025 09:30 GMT",
        "Received: ",
        f"/report {reference} in a private chat with this bot",
    ):
        assert expected in message, expected
    for leaked in PRIVATE_DETAILS:
        assert leaked not in message, leaked
    offline.stub.wait_for(
        lambda: notifications(offline, reference) == [{"status": "sent", "attempts": 0, "last_error": None}],
        10,
        "the row marked sent",
    )


def test_an_alert_about_a_past_report_is_not_urgent(offline):
    reference = stored_report(
        offline, f"anon-{uuid.uuid4().hex}", contact_consent=False, still_happening=False
    )
    [message] = offline.stub.wait_for(
        lambda: officer_messages_about(offline, reference), 20, "the notification"
    )
    assert "not happening now" in message and "URGENT" not in message and "07700900123" not in message


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
    assert reference in listing and "surveillance" in listing and "Grosvenor Square, W1K" in listing
    assert not any(leaked in listing for leaked in PRIVATE_DETAILS)
    full = texts(say(offline, OFFICER_USER, f"/report {reference.lower()}"))
    for detail in ("a man filming the embassy gate", "tall, grey coat", "07700900123", "status: new"):
        assert detail in full, "the whole report, in the officer's private chat"
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


def test_officer_commands_in_a_group_are_refused_audited_and_reveal_nothing(offline):
    reference = stored_report(offline, f"group-{uuid.uuid4().hex}")
    offline.stub.wait_for(lambda: officer_messages_about(offline, reference), 20, "the alert to the group")
    stranger = new_user()
    for user in (OFFICER_USER, stranger):
        for command in (
            f"/report {reference}",
            "/reports",
            f"/ack {reference}",
            "/report SRV-20990101-ZZZZZZ",
        ):
            replies = say(offline, user, command, chat=OFFICER_CHAT)
            assert [reply["text"] for reply in replies] == [PRIVATE_ONLY], command
    assert status_of(offline, reference) == "new", "/ack in a group changed nothing"
    for user in (OFFICER_USER, stranger):
        actor = f"telegram:{telegram_sender(user)}"
        refused = [(row["action"], row["detail"]) for row in audit_rows(offline) if row["actor"] == actor]
        assert refused[-4:] == [
            ("telegram_refused", "command=/report chat=group"),
            ("telegram_refused", "command=/reports chat=group"),
            ("telegram_refused", "command=/ack chat=group"),
            ("telegram_refused", "command=/report chat=group"),
        ]
    assert not any(
        row["reference"] == reference and row["action"] == "telegram_view" for row in audit_rows(offline)
    )


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
        # attr-defined: the URL Telegram would post to, attached for post_update (BotProcess has none)
        bot.webhook_url = f"http://127.0.0.1:{port}/telegram/hook"  # type: ignore[attr-defined]
        yield bot


def post_update(bot: BotProcess, body: bytes, secret: str | None = WEBHOOK_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    # attr-defined: set by the webhook fixture above
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


# --- urgent first, re-alerts ---------------------------------------------------------------------


def _officer_alerts(bot: BotProcess) -> list[str]:
    return [call["text"] for call in bot.stub.calls_to("sendMessage", OFFICER_CHAT)]


def test_an_urgent_report_is_alerted_before_older_ones_waiting(tmp_path):
    """Five past reports wait (Telegram was unreachable, or a flood of fakes); the urgent one stored
    after them is the first alert officers get."""
    database_url = sqlite_db(tmp_path)
    sessions = make_session_factory(database_url)

    def store(key: str, urgent: bool) -> str:
        return store_draft(full_draft(key, still_happening=urgent), sessions, [TEST_OFFICER_CHAT_ID])[0]

    older = [store(f"older-{n}-{uuid.uuid4().hex}", urgent=False) for n in range(5)]
    urgent = store(f"urgent-{uuid.uuid4().hex}", urgent=True)
    with running_bot(tmp_path, RASA_URL=closed_rasa_url(), DATABASE_URL=database_url) as bot:
        alerts = bot.stub.wait_for(
            lambda: len(_officer_alerts(bot)) >= 6 and _officer_alerts(bot), 30, "6 alerts"
        )
    assert urgent in alerts[0] and "URGENT" in alerts[0]
    assert [next(ref for ref in older if ref in alert) for alert in alerts[1:6]] == older


def test_an_unacknowledged_urgent_report_is_re_alerted_until_acknowledged_at_most_max_times(tmp_path):
    database_url = sqlite_db(tmp_path)
    with running_bot(
        tmp_path,
        RASA_URL=closed_rasa_url(),
        DATABASE_URL=database_url,
        OFFICER_REALERT_MINUTES="0.02",  # 1.2 s
        OFFICER_REALERT_MAX="2",
    ) as bot:
        ignored = stored_report(bot, f"ignored-{uuid.uuid4().hex}", still_happening=True)
        acked = stored_report(bot, f"acked-{uuid.uuid4().hex}", still_happening=True)
        past = stored_report(bot, f"past-{uuid.uuid4().hex}", still_happening=False)
        bot.stub.wait_for(lambda: officer_messages_about(bot, acked), 20, "the first alert")
        assert "reviewed" in texts(say(bot, OFFICER_USER, f"/ack {acked}"))
        reminders = bot.stub.wait_for(
            lambda: len(officer_messages_about(bot, ignored)) >= 3 and officer_messages_about(bot, ignored),
            30,
            "two reminders",
        )
        time.sleep(4)  # well past another 1.2 s: no third reminder
        assert officer_messages_about(bot, ignored) == reminders
    assert "reminder 1 of 2" in reminders[1] and "reminder 2 of 2" in reminders[2]
    assert f"/ack {ignored} in a private chat" in reminders[2]
    assert not any(leaked in reminder for reminder in reminders for leaked in PRIVATE_DETAILS)
    assert len(officer_messages_about(bot, past)) == 1, "a past report is alerted once"
    acked_alerts = officer_messages_about(bot, acked)
    assert len(acked_alerts) <= 2 and not any("reminder 2" in alert for alert in acked_alerts), (
        "acknowledged: re-alerting stopped"
    )
