"""The conversation lock Rasa's workers share through Redis: a first-come queue per conversation.

Rasa's `RedisLockStore` keeps each conversation's ticket lock as one JSON value that it reads,
changes and writes back with the synchronous redis client: four to five round trips a message
(GET, SET, GET, SET or DEL), each blocking the worker's event loop, and no atomicity between
the read and the write. Under 16 users on two workers, py-spy put 27 % of the Rasa workers'
samples inside `LockStore.lock` (docs/performance.md, section 5).

Here a conversation's lock is a Redis list of tickets: a turn appends its ticket (RPUSH, with the
list's expiry and its head in the same transaction: one round trip), runs when its ticket is at
the head, and removes its ticket when done (LREM: one round trip). Two short round trips with the
synchronous client cost the worker less CPU than redis.asyncio's (measured slower under 16 users:
its per-command overhead is larger than the wait on loopback). Turns of one conversation run in the
order they arrived, as with Rasa's tickets. A ticket carries the time it expires: a turn whose
worker died leaves a ticket that the next waiter removes once it has expired.

Rasa loads it through its documented extension point, a custom lock store named by module path in
the endpoints file (`lock_store: type: servator.rasa_runtime.lock_store.QueueLockStore`), which also makes Rasa
accept several Sanic workers. Checked against Rasa 3.6.21 (`rasa.core.lock_store`).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

# How often a turn waiting behind another turn of the same conversation looks again. Rasa's
# processor asks for 1 s between attempts; a person's second message should not wait that long.
POLL_SECONDS = 0.02
KEY_PART = "lock:"


class QueueLockStore(LockStore):
    """Per-conversation first-come locks in Redis (see the module docstring)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        import redis

        settings: dict[str, Any] = dict(endpoint_config.kwargs)
        prefix = str(settings.pop("key_prefix", "") or "")
        self.key_prefix = f"{prefix}:{KEY_PART}" if prefix.isalnum() else KEY_PART
        self.red = redis.Redis(
            host=endpoint_config.url or "127.0.0.1",
            port=int(settings.get("port", 6379)),
            db=int(settings.get("db", 0)),
            username=settings.get("username"),
            password=settings.get("password"),
            ssl=bool(settings.get("use_ssl", False)),
            socket_timeout=float(settings.get("socket_timeout", 10)),
        )
        super().__init__()

    def key(self, conversation_id: str) -> str:
        return self.key_prefix + conversation_id

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[None, None]:
        """Wait for this turn's place in the conversation's queue; `wait_time_in_seconds` caps the poll."""
        key = self.key(conversation_id)
        ticket = new_ticket(lock_lifetime)
        with self.red.pipeline(transaction=True) as pipe:
            pipe.rpush(key, ticket)
            pipe.pexpire(key, int(lock_lifetime * 1000))
            pipe.lindex(key, 0)
            _, _, head = pipe.execute()
        try:
            await self._wait_for_turn(key, ticket, head, min(wait_time_in_seconds, POLL_SECONDS))
            yield None
        finally:
            self.red.lrem(key, 1, ticket)

    async def _wait_for_turn(self, key: str, ticket: str, head: bytes | None, poll: float) -> None:
        while True:
            if head is None:  # the whole queue expired while this turn waited
                raise LockError(f"The lock for conversation {key!r} expired while waiting.")
            current = head.decode()
            if current == ticket:
                return
            if expired(current):
                self.red.lrem(key, 1, current)  # left by a turn whose worker stopped
            else:
                await asyncio.sleep(poll)
            head = self.red.lindex(key, 0)

    def hold(self, conversation_id: str, seconds: float) -> None:
        """Put a ticket at the end of the conversation's queue for `seconds` (as a stuck turn would;
        the scale-out test uses it to show that every worker waits for the same queue)."""
        key = self.key(conversation_id)
        self.red.rpush(key, new_ticket(seconds))
        self.red.pexpire(key, int(seconds * 1000) + 1000)


def new_ticket(lifetime: float) -> str:
    """`<expiry in epoch milliseconds>:<random>`."""
    return f"{int((time.time() + lifetime) * 1000)}:{uuid.uuid4().hex}"


def expired(ticket: str) -> bool:
    expiry, _, _ = ticket.partition(":")
    return not expiry.isdigit() or int(expiry) < time.time() * 1000
