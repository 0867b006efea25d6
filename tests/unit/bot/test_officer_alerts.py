"""The alert loop: each stored report's alert reaches the officer chat once, a failed send is kept and
tried again later, and an alert about a report purged meanwhile is dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from telegram.error import NetworkError

from bot.officer_alerts import NotificationSender
from bot.officer_store import OfficerStore
from servator.storage import SqlUnitOfWork, store_draft
from tests.support.storage_helpers import full_draft, sqlite_url

CHAT = "-100777"


class FakeBot:
    """Records what it was asked to send; fails while `down`."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.down = False

    async def send_message(self, chat_id: str, text: str) -> None:
        if self.down:
            raise NetworkError("Telegram is unreachable")
        self.sent.append((chat_id, text))


@pytest.fixture
def store(tmp_path: Path) -> OfficerStore:
    return OfficerStore(sqlite_url(tmp_path))


def sender(store: OfficerStore, bot: FakeBot, interval: float = 0.0, **options: Any) -> NotificationSender:
    return NotificationSender(store, bot, interval_seconds=interval, **options)  # type: ignore[arg-type]  # a stand-in Bot


async def test_an_alert_names_the_reference_but_not_what_was_typed(store):
    reference, _ = store_draft(full_draft(), store.sessions(), [CHAT])
    bot = FakeBot()
    assert await sender(store, bot).deliver_pending() == 1
    [(chat, text)] = bot.sent
    assert chat == CHAT and reference in text
    assert "a man filming the embassy gate" not in text and "07700900123" not in text
    assert await sender(store, bot).deliver_pending() == 0, "sent once"


async def test_a_failed_send_stays_pending_and_is_tried_again_after_a_wait(store):
    store_draft(full_draft(), store.sessions(), [CHAT])
    bot = FakeBot()
    alerts = sender(store, bot, interval=60.0)
    bot.down = True
    assert await alerts.deliver_pending() == 0
    [pending] = store.pending(10)
    assert pending.attempts == 1
    bot.down = False
    assert await alerts.deliver_pending() == 0, "not again before its wait is over"
    assert await sender(store, bot).deliver_pending() == 1 and len(bot.sent) == 1
    assert store.pending(10) == []


async def test_an_alert_about_a_report_gone_meanwhile_is_dropped_unsent(store):
    reference, _ = store_draft(full_draft(), store.sessions(), [CHAT])
    with SqlUnitOfWork(store.sessions()) as uow:
        report = uow.reports.get(reference)
        uow.session.delete(report)
        uow.commit()
    bot = FakeBot()
    assert await sender(store, bot).deliver_pending() == 0
    assert bot.sent == [] and store.pending(10) == []


async def test_an_unacknowledged_urgent_report_is_alerted_again_unless_re_alerts_are_off(store):
    store_draft(full_draft(still_happening=True), store.sessions(), [CHAT])
    bot = FakeBot()
    await sender(store, bot).run_once()
    assert await sender(store, bot, realert_after_seconds=0, max_realerts=0).schedule_realerts() == 0
    await sender(store, bot, realert_after_seconds=0, max_realerts=2).run_once()
    assert len(bot.sent) == 2
