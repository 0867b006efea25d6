"""Database work runs off the event loop, each call in a session of its own."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from sqlalchemy import text

from dashboard import db
from dashboard.keys import SESSION_FACTORY


async def test_work_runs_in_another_thread_with_its_own_session(sessions):
    request = SimpleNamespace(app={SESSION_FACTORY: sessions})
    seen = []

    def work(session):
        seen.append((threading.get_ident(), session))
        return session.execute(text("SELECT 41 + 1")).scalar_one()

    assert await db.run(request, work) == 42  # type: ignore[arg-type]  # a stand-in request
    assert await db.run(request, work) == 42  # type: ignore[arg-type]  # a stand-in request
    assert all(thread != threading.get_ident() for thread, _ in seen), "never on the event loop"
    assert seen[0][1] is not seen[1][1]
