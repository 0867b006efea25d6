"""Database work off the event loop: `await db.run(request, work)` runs `work(session)` in a thread.

SQLAlchemy 1.4 here is synchronous; a query (or argon2's deliberate slowness at sign-in) run on the
event loop would stall every other request, so handlers hand their work to the default executor.
Each call gets its own session; `work` commits what it changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from aiohttp import web
from sqlalchemy.orm import Session

from dashboard.keys import SESSION_FACTORY

T = TypeVar("T")


async def run(request: web.Request, work: Callable[[Session], T]) -> T:
    factory = request.app[SESSION_FACTORY]

    def job() -> T:
        with factory() as session:
            return work(session)

    return await asyncio.get_running_loop().run_in_executor(None, job)
