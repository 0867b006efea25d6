"""Reports and conversation events of known ages, for the retention tests, and what is left of them."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory, store_draft
from tests.support.storage_helpers import full_draft


def seed(database_url: str, events: bool = True) -> None:
    """Reports made 400 and 10 days ago; conversation events 40 and 1 days old."""
    from rasa.core.tracker_store import SQLTrackerStore

    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    for key, days in (("old", 400), ("recent", 10)):
        reference, _ = store_draft(full_draft(key), sessions, ["1001"])
        with SqlUnitOfWork(sessions) as uow:
            uow.reports.get(reference).created_at = datetime.now(timezone.utc) - timedelta(days=days)
            uow.commit()
    engine = sessions.kw["bind"]
    if events:
        SQLTrackerStore.Base.metadata.create_all(engine)
        with engine.begin() as connection:
            for sender, days in (("old-person", 40), ("old-person", 31), ("new-person", 1)):
                connection.execute(
                    sa.text(
                        "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"
                    ),
                    {"s": sender, "t": time.time() - days * 86400, "d": json.dumps({"text": sender})},
                )
    engine.dispose()


def remaining(database_url: str) -> tuple[list[str], list[str]]:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            keys = sorted(connection.execute(sa.text("SELECT submission_key FROM reports")).scalars())
            has_events = sa.inspect(connection).has_table("events")
            senders = (
                sorted(connection.execute(sa.text("SELECT sender_id FROM events")).scalars())
                if has_events
                else []
            )
    finally:
        engine.dispose()
    return keys, senders
