"""The stack's readiness, read from the shared state: the report database, the local outbox folder,
and the officer notifications not yet delivered. Blocking (run it in a thread); no report content.

The web chat serves it as `/healthz` (with Rasa's reachability added) and as gauges on `/metrics`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from servator.storage import LocalOutbox, SqlUnitOfWork, make_session_factory
from servator.storage.engine import database_answers


@functools.lru_cache(maxsize=4)
def _sessions(database_url: str) -> Callable[[], Session]:
    """One pooled engine per URL for the checks (no schema work: readiness only reads)."""
    sessions: Callable[[], Session] = make_session_factory(database_url)
    return sessions


def _age(oldest: datetime | None, now: datetime) -> float | None:
    return None if oldest is None else round(max(0.0, (now - oldest).total_seconds()), 1)


def storage_state(database_url: str | None, outbox_dir: str) -> dict[str, Any]:
    """{"database": {"reachable"}, "outbox": {"size", "oldest_age_seconds", "set_aside"},
    "notifications": {"backlog", "oldest_age_seconds"}}; unknown numbers are null."""
    outbox = LocalOutbox(outbox_dir).stats(time.time())
    state: dict[str, Any] = {
        "database": {"reachable": None},
        "outbox": {
            "size": outbox.queued,
            "oldest_age_seconds": None
            if outbox.oldest_age_seconds is None
            else round(outbox.oldest_age_seconds, 1),
            "set_aside": outbox.set_aside,
        },
        "notifications": {"backlog": None, "oldest_age_seconds": None},
    }
    if database_url is None:
        return state
    sessions = _sessions(database_url)
    state["database"]["reachable"] = database_answers(sessions)
    if state["database"]["reachable"]:
        try:
            with SqlUnitOfWork(sessions) as uow:
                backlog = uow.notifications.backlog()
        except SQLAlchemyError:  # reachable, but no report tables yet
            return state
        state["notifications"] = {
            "backlog": backlog.pending,
            "oldest_age_seconds": _age(backlog.oldest, datetime.now(timezone.utc)),
        }
    return state
