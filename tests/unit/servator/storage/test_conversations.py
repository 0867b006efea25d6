"""Deleting Rasa's stored conversation events: one conversation, or everything before a cutoff."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import text

from servator.storage.conversations import ConversationEvents

JULY = datetime(2026, 7, 1, tzinfo=timezone.utc).timestamp()


def events_left(session) -> list[tuple[str, float]]:
    return [
        tuple(row) for row in session.execute(text("SELECT sender_id, timestamp FROM events ORDER BY id"))
    ]


def test_without_rasa_s_table_there_is_nothing_to_delete(sessions):
    with sessions() as session:
        events = ConversationEvents(session)
        assert events.delete_conversation("alice") == 0
        assert events.purge_older_than(datetime.now(timezone.utc)) == 0


def test_a_forgotten_conversation_and_old_events_are_deleted_and_counted(sessions):
    with sessions() as session:
        session.execute(
            text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), timestamp FLOAT)")
        )
        for number, (sender, at) in enumerate(
            [("alice", JULY), ("alice", JULY + 60), ("bob", JULY - 86400), ("bob", JULY + 60)]
        ):
            session.execute(
                text("INSERT INTO events VALUES (:id, :sender, :at)"),
                {"id": number, "sender": sender, "at": at},
            )
        events = ConversationEvents(session)
        assert events.delete_conversation("alice") == 2
        assert events.purge_older_than(datetime(2026, 7, 1, tzinfo=timezone.utc)) == 1
        assert events_left(session) == [("bob", JULY + 60)]
        session.rollback()
