"""Telegram updates run concurrently, each user's in order: the real `python -m bot` in front of the
real trained model and action server, through a proxy that makes one user's turn slow."""

from __future__ import annotations

import time

import pytest

from bot.rasa_client import telegram_sender
from tests.support.rasa_proxy import DelayingRasaProxy
from tests.support.telegram_harness import new_user, running_bot

pytestmark = pytest.mark.rasa
SLOW_SECONDS = 5.0


def test_a_slow_turn_for_one_user_does_not_hold_another_users_999_and_keeps_its_own_order(stack, tmp_path):
    slow, other = new_user(), new_user()
    slow_sender, other_sender = telegram_sender(slow), telegram_sender(other)
    with (
        DelayingRasaProxy(stack.rasa_url, {slow_sender: [SLOW_SECONDS]}) as proxy,
        running_bot(tmp_path, RASA_URL=proxy.url, DATABASE_URL=stack.database_url) as bot,
    ):
        bot.stub.send_text(slow, "hello")
        bot.stub.send_text(slow, "which number do i call to report something suspicious")
        bot.stub.wait_for(lambda: proxy.arrived.get(slow_sender), 10, "the slow turn to start")
        sent_at = time.monotonic()
        bot.stub.send_text(other, "theres a man with a knife outside the embassy right now")
        bot.stub.wait_for(lambda: bot.stub.calls_to("sendMessage", other), 20, "the 999 reply")
        first_reply = bot.stub.calls_to("sendMessage", other)[0]["text"]
        waited = time.monotonic() - sent_at
        assert "999" in first_reply
        assert waited < SLOW_SECONDS - 1, f"the 999 reply took {waited:.1f} s: it waited for another user"
        assert not bot.stub.calls_to("sendMessage", slow), "the slow user's turn is still running"
        bot.stub.wait_for(lambda: len(proxy.answered.get(slow_sender, [])) == 2, 30, "both slow-user turns")
    first_answered, second_arrived = proxy.answered[slow_sender][0], proxy.arrived[slow_sender][1]
    assert second_arrived >= first_answered, (
        "one user's second message went to Rasa before the first was done"
    )
    assert proxy.arrived[other_sender][0] < first_answered
