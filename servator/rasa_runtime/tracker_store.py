"""Rasa's SQL tracker store, tuned for SQLite, the default single-machine database.

Rasa 3.6 on SQLAlchemy 1.4 opens a new SQLite connection for every tracker read and write
(NullPool) and commits with a full fsync. Here, on SQLite only: a small pool of connections
kept open, and `synchronous=NORMAL` with the WAL journal that servator.storage already uses.
In WAL mode, NORMAL loses no committed conversation if the assistant crashes; a power cut may
lose the last turns, never a report (reports are stored through servator.storage with full
fsync). PostgreSQL keeps Rasa's settings.

On every database: `retrieve` reads the latest session's events (the events from the latest
`session_started` on, by timestamp, as Rasa's query) with one plain SQL statement over two
indexes (`INDEXES`, created if missing) instead of Rasa's ORM query, which builds one ORM object
per event and scans every event of the sender however many sessions it has; `save` writes the
new events with one multi-row INSERT instead of one ORM object each, and skips Rasa's count of
the stored events when the tracker was loaded by `retrieve` in this request (the count is then
the number of events loaded: Rasa holds the conversation's lock from load to save, so no other
writer can have added any). Measured in docs/performance.md.

A conversation that restarts is forgotten: when the events to save include `Restarted` (a report
cancelled or submitted, `/forget`; actions/privacy_actions.py), `save` deletes every stored event
of the conversation and stores none of the turn, so Rasa's in-memory tracker of the turn, which
still holds the old events, is never written back. Rasa holds the conversation's lock (the lock
store) from the turn's load to this save, so no other turn of it can save in between; the next
turn finds nothing and starts a new conversation. Only the slots in `KEPT_AFTER_RESTART`, set by
the action after its Restarted event (the reference of the report just sent, for "what was my
reference?"), are stored again, followed by the `action_listen` that waits for the next message.
"""

from __future__ import annotations

import json
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, Event, Restarted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

from servator.storage.conversations import ConversationEvents
from servator.storage.engine import SQLITE_BUSY_MS, sqlite_pragmas

POOL_SIZE = 4
# On Rasa's `events` table: the latest session start of a sender, and a sender's events from then on.
INDEXES = {
    "ix_events_sender_type_time": "sender_id, type_name, timestamp",
    "ix_events_sender_time": "sender_id, timestamp",
}
# The latest session of one sender, in stored order (Rasa: timestamp >= the latest session start).
LATEST_SESSION_EVENTS = sa.text(
    "SELECT data FROM events WHERE sender_id = :sender_id AND timestamp >= COALESCE("
    "(SELECT max(timestamp) FROM events WHERE sender_id = :sender_id AND type_name = 'session_started'),"
    " -1e300) ORDER BY id"
)
# Conversations whose stored-event count is remembered (the most recently used ones).
KNOWN_COUNTS = 10_000
# Slots a restarted conversation keeps when set after its Restarted event: a sent report's reference.
KEPT_AFTER_RESTART = frozenset({"last_reference", "language"})


def kept_after_restart(events: list[Event]) -> list[Event]:
    """What a restarted conversation keeps: the KEPT_AFTER_RESTART slots set after the last Restarted
    event (their latest values), then an action_listen; nothing when none is set."""
    last = max(index for index, event in enumerate(events) if isinstance(event, Restarted))
    kept: dict[str, SlotSet] = {}
    for event in events[last + 1 :]:
        if isinstance(event, SlotSet) and event.key in KEPT_AFTER_RESTART and event.value is not None:
            kept[event.key] = event
    if not kept:
        return []
    timestamp = max(event.timestamp for event in kept.values())
    return [*kept.values(), ActionExecuted(ACTION_LISTEN_NAME, timestamp=timestamp)]


def _sqlite_normal_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ServatorSQLTrackerStore(SQLTrackerStore):
    """`tracker_store: type: servator.rasa_runtime.tracker_store.ServatorSQLTrackerStore` (runner.write_endpoints)."""

    engine: Any  # set by SQLTrackerStore.__init__ (Rasa is untyped)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # sender -> (events stored, the tracker object they were counted for)
        self._stored_counts: OrderedDict[str, tuple[int, weakref.ref[DialogueStateTracker]]] = OrderedDict()
        with self.engine.begin() as connection:
            for name, columns in INDEXES.items():
                connection.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns})"))
        if self.engine.dialect.name != "sqlite":
            return
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url,
            poolclass=QueuePool,
            pool_size=POOL_SIZE,
            connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", sqlite_pragmas)
        sa.event.listen(self.engine, "connect", _sqlite_normal_sync)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker, as Rasa's retrieve, noting how many events are stored."""
        with self.session_scope() as session:
            stored = session.execute(LATEST_SESSION_EVENTS, {"sender_id": sender_id}).scalars().all()
        if not stored:
            return None
        tracker = DialogueStateTracker.from_dict(
            sender_id, [json.loads(data) for data in stored], self.domain.slots
        )
        self._note_stored(tracker, len(tracker.events))
        return tracker

    def _note_stored(self, tracker: DialogueStateTracker, count: int) -> None:
        known = self._stored_counts
        known[tracker.sender_id] = (count, weakref.ref(tracker))
        known.move_to_end(tracker.sender_id)
        while len(known) > KNOWN_COUNTS:
            known.popitem(last=False)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet; Rasa's count query only when the count is not known.

        Known means: this very tracker object was loaded (or saved) here last for its sender.
        """
        count, loaded = self._stored_counts.pop(tracker.sender_id, (0, None))
        counted_for = loaded() if loaded is not None else None
        if counted_for is None or counted_for is not tracker:
            events: Iterator[Event] = super()._additional_events(session, tracker)
            return events
        return iter(list(tracker.events)[count:])

    def _unsaved_events(self, tracker: DialogueStateTracker) -> list[Any]:
        """The events to store; none, and no query, for a tracker without events (Rasa saves every
        new conversation's empty tracker first)."""
        if not tracker.events:
            self._stored_counts.pop(tracker.sender_id, None)
            return []
        known = self._stored_counts.get(tracker.sender_id)
        if known is not None and known[1]() is tracker:
            return list(self._additional_events(None, tracker))
        with self.session_scope() as session:
            return list(self._additional_events(session, tracker))

    @staticmethod
    def _rows(sender_id: str, events: list[Event]) -> list[dict[str, Any]]:
        """The `events` table's rows for `events`, as Rasa's save writes them."""
        rows = []
        for event in events:
            data = event.as_dict()
            rows.append(
                {
                    "sender_id": sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    "action_name": data.get("name"),
                    "data": json.dumps(data),
                }
            )
        return rows

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the new events in one INSERT; the same rows Rasa's save writes."""
        await self.stream_events(tracker)
        events = self._unsaved_events(tracker)
        if any(isinstance(event, Restarted) for event in events):
            with self.session_scope() as session:
                ConversationEvents(session).delete_conversation(tracker.sender_id)
                kept = self._rows(tracker.sender_id, kept_after_restart(events))
                if kept:
                    session.execute(self.SQLEvent.__table__.insert(), kept)
                session.commit()
            self._stored_counts.pop(tracker.sender_id, None)
            return
        rows = self._rows(tracker.sender_id, events)
        if rows:
            with self.engine.begin() as connection:
                connection.execute(self.SQLEvent.__table__.insert(), rows)
        # A new session changes what Rasa counts (events since the latest SessionStarted).
        if not any(isinstance(event, SessionStarted) for event in events):
            self._note_stored(tracker, len(tracker.events))
