"""The conversations `tools.bench.turns` sends, and what it writes of each (no Rasa imported here).

The three chats are the load generator's FAQ and report conversations and a short French one.
The replay set: the three chats, then every eighth distinct text of `tests/data/blind/` and
`corpus/`, each followed by "thanks", and each started as a report with the text as description
and place, then cancelled (docs/performance.md, sections 12-13).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tools.loadgen import FAQ_CONVERSATION, REPORT_CONVERSATION

FRENCH_CONVERSATION = ("bonjour", "qu'est-ce que le projet servator", "merci")
CHATS: dict[str, tuple[str, ...]] = {
    "faq": FAQ_CONVERSATION,
    "report": REPORT_CONVERSATION,
    "french": FRENCH_CONVERSATION,
}
REPLAY_STEP = 8
MAX_CHARS = 1000
# Differ between two runs of the same conversation: left out of what is compared.
VOLATILE_KEYS = frozenset({"timestamp", "message_id", "_timestamp"})
# Also differ between two runs: random ids (the report draft's) and clock times ("20 minutes ago").
RANDOM_ID = re.compile(r"\b[0-9a-f]{32}\b")
CLOCK_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")


def _strings(value: Any) -> Iterator[str]:
    """The texts of a blind set or corpus file: `text:` of each item, or the strings of its lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        if isinstance(value.get("text"), str):
            yield value["text"]
        else:
            for item in value.values():
                if isinstance(item, list):
                    yield from _strings(item)


def replay_texts(root: Path) -> list[str]:
    """Every distinct text (stripped, at most MAX_CHARS) of the blind sets and the corpus, sorted."""
    texts: set[str] = set()
    for base in (root / "tests" / "data" / "blind", root / "corpus"):
        for path in sorted(base.rglob("*.yml")):
            for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
                if text.strip() and len(text) <= MAX_CHARS:
                    texts.add(text.strip())
    return sorted(texts)


def replay_conversations(texts: list[str]) -> list[tuple[str, ...]]:
    conversations = list(CHATS.values())
    for text in texts[::REPLAY_STEP]:
        conversations.append((text, "thanks"))
        conversations.append(("/report_suspicious", text, text, "/cancel"))
    return conversations


def without_volatile(value: Any) -> Any:
    """`value` without the keys that differ between two runs (timestamps, message ids)."""
    if isinstance(value, dict):
        return {key: without_volatile(item) for key, item in value.items() if key not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [without_volatile(item) for item in value]
    return value


def stored_events(database: Path, sender: str) -> list[list[Any]]:
    """The sender's rows of Rasa's `events` table, in order, each event's data without volatile keys."""
    import json

    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT type_name, intent_name, action_name, data FROM events WHERE sender_id = ? ORDER BY id",
            (sender,),
        ).fetchall()
    finally:
        connection.close()
    return [[kind, intent, action, without_volatile(json.loads(data))] for kind, intent, action, data in rows]


def comparable(line: str) -> str:
    """A replay line with its random ids and clock times replaced."""
    return CLOCK_TIME.sub("<time>", RANDOM_ID.sub("<id>", line))


def differing(before: list[str], after: list[str]) -> list[int]:
    """The numbers of the conversations whose replies or stored events differ (a missing one too)."""
    count = max(len(before), len(after))
    padded = [*before, *[""] * (count - len(before))], [*after, *[""] * (count - len(after))]
    return [n for n in range(count) if comparable(padded[0][n]) != comparable(padded[1][n])]


if __name__ == "__main__":  # python -m tools.bench.turn_sets BEFORE.jsonl AFTER.jsonl
    files = [Path(name).read_text(encoding="utf-8").splitlines() for name in sys.argv[1:3]]
    found = differing(files[0], files[1])
    print(f"{len(files[0])} and {len(files[1])} conversations; {len(found)} differ: {found[:20]}")
    sys.exit(1 if found else 0)
