"""The turn harness's conversations, and what it keeps of a conversation to compare two runs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tools.bench.turn_sets import (
    CHATS,
    REPLAY_STEP,
    comparable,
    differing,
    replay_conversations,
    replay_texts,
    stored_events,
    without_volatile,
)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_texts_come_from_blind_items_and_corpus_lists_once_each(tmp_path: Path):
    _write(
        tmp_path / "tests/data/blind/en-x.yml",
        '- text: " a bag left by the gate "\n  intent: report\n  register: plain\n- text: "is it safe"\n',
    )
    _write(
        tmp_path / "corpus/emergency/written-x.yml", 'emergency:\n  - "is it safe"\n  - "fire on the bus"\n'
    )
    _write(tmp_path / "corpus/README.yml", "note: not a list\n")
    assert replay_texts(tmp_path) == ["a bag left by the gate", "fire on the bus", "is it safe"]


def test_the_replay_is_the_three_chats_then_two_conversations_per_eighth_text():
    texts = [f"text {n:02}" for n in range(17)]
    conversations = replay_conversations(texts)
    assert conversations[:3] == list(CHATS.values())
    chosen = texts[::REPLAY_STEP]
    assert conversations[3:] == [
        conversation
        for text in chosen
        for conversation in ((text, "thanks"), ("/report_suspicious", text, text, "/cancel"))
    ]


def test_timestamps_and_message_ids_are_left_out_at_any_depth():
    event = {
        "event": "user",
        "timestamp": 1.5,
        "message_id": "m",
        "parse_data": {"_timestamp": 2, "text": "hi"},
    }
    assert without_volatile([event]) == [{"event": "user", "parse_data": {"text": "hi"}}]


def test_stored_events_are_the_senders_rows_in_order(tmp_path: Path):
    database = tmp_path / "t.db"
    connection = sqlite3.connect(database)
    connection.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
        "intent_name TEXT, action_name TEXT, data TEXT)"
    )
    rows = [
        ("a", "action", None, "action_listen", {"event": "action", "timestamp": 1}),
        ("b", "user", "greet", None, {"event": "user"}),
        ("a", "user", "greet", None, {"event": "user", "timestamp": 2}),
    ]
    for sender, kind, intent, action, data in rows:
        connection.execute(
            "INSERT INTO events (sender_id, type_name, intent_name, action_name, data) VALUES (?, ?, ?, ?, ?)",
            (sender, kind, intent, action, json.dumps(data)),
        )
    connection.commit()
    connection.close()
    assert stored_events(database, "a") == [
        ["action", None, "action_listen", {"event": "action"}],
        ["user", "greet", None, {"event": "user"}],
    ]


def test_two_runs_differ_only_where_a_reply_or_event_does():
    line = '{"events": [["slot", null, "report_details", {"value": {"draft_id": "%s", "when_iso": "%s"}}]]}'
    before = [line % ("0" * 32, "2026-12-07T18:53:32.351992+00:00"), '{"replies": [["a"]]}']
    after = [line % ("f" * 32, "2026-12-07T18:53:31.666870+00:00"), '{"replies": [["b"]]}']
    assert differing(before, after) == [1]
    assert differing(before, before[:1]) == [1]
    assert comparable('"2026-12-07T18:53:32Z"') == '"<time>"'
