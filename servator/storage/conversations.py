"""Rasa's conversation events (the tracker store's `events` table, shared database): deleting them.

Rasa creates and writes the table (servator.rasa_runtime.tracker_store); this module only deletes from it,
for a conversation that is forgotten (a report cancelled or submitted, `/forget`) and for
retention (`servator purge`). The table is described here by the three columns used, so nothing
here creates or changes it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

EVENTS_TABLE = "events"
_events = sa.table(EVENTS_TABLE, sa.column("id"), sa.column("sender_id"), sa.column("timestamp"))


class ConversationEvents:
    """Deletes from Rasa's `events` table; a missing table (Rasa never ran) means nothing to delete."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _exists(self) -> bool:
        return bool(sa.inspect(self.session.connection()).has_table(EVENTS_TABLE))

    def delete_conversation(self, sender_id: str) -> int:
        """Every stored event of one conversation; returns how many."""
        if not self._exists():
            return 0
        result = self.session.execute(sa.delete(_events).where(_events.c.sender_id == sender_id))
        return int(result.rowcount or 0)

    def purge_older_than(self, cutoff: datetime) -> int:
        """Events recorded before the cutoff (Rasa stores each event's time as epoch seconds)."""
        if not self._exists():
            return 0
        result = self.session.execute(sa.delete(_events).where(_events.c.timestamp < cutoff.timestamp()))
        return int(result.rowcount or 0)
