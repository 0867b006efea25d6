"""Long button payloads travel as short tokens; long replies are cut; a flooding user is slowed."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from bot.handlers import CALLBACK_DATA_LIMIT, FloodGuard, callback_data_for, payload_for, split_text


def test_long_button_payloads_travel_as_short_tokens():
    chat_data: dict[str, Any] = {}
    short = '/inform{"report_category":"surveillance"}'
    long = '/change_field{"report_field":"report_contact_consent"}' + " " * 40
    assert callback_data_for(short, chat_data) == short and payload_for(short, chat_data) == short
    token = callback_data_for(long, chat_data)
    assert len(token.encode()) <= CALLBACK_DATA_LIMIT and token != long
    assert payload_for(token, chat_data) == long
    assert payload_for(token, {"button_tokens": OrderedDict()}) is None, "a token only works in its own chat"


def test_a_long_reply_is_cut_at_line_breaks_and_loses_nothing():
    text = "\n".join(f"line {n}" for n in range(30))
    chunks = split_text(text, limit=40)
    assert all(len(chunk) <= 40 for chunk in chunks) and len(chunks) > 1
    assert "\n".join(chunks) == text
    assert split_text("x" * 90, limit=40) == ["x" * 40, "x" * 40, "x" * 10], "no line break: cut at the limit"
    assert split_text("") == []


def test_a_flooding_user_is_refused_warned_once_and_let_back_after_the_window():
    guard = FloodGuard(max_messages=2, window_seconds=10)
    assert guard.allow(1, now=0) and guard.allow(1, now=1)
    assert not guard.allow(1, now=2)
    assert guard.allow(2, now=2), "another user is not held back"
    assert guard.first_refusal(1) and not guard.first_refusal(1)
    assert guard.allow(1, now=11.5)
    assert guard.first_refusal(1), "a new burst gets its warning again"
