"""servator.rasa_runtime.lock_store.QueueLockStore against the Redis service (db 8, keys under a random prefix):
turns of one conversation run one at a time in arrival order, across two lock stores (two
workers); a ticket left by a stopped worker stops blocking once it expires; nothing is left."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
import redis
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from servator.rasa_runtime.endpoints import lock_store_config
from servator.rasa_runtime.lock_store import QueueLockStore, expired, new_ticket

REDIS_DB = 8


@pytest.fixture
def prefix() -> Iterator[str]:
    prefix = f"t{uuid.uuid4().hex[:10]}"
    yield prefix
    client = redis.Redis(db=REDIS_DB)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def store(prefix: str) -> QueueLockStore:
    config = lock_store_config(f"redis://127.0.0.1:6379/{REDIS_DB}", prefix)
    made = LockStore.create(EndpointConfig.from_dict(config))  # as Rasa builds it from the endpoints file
    assert isinstance(made, QueueLockStore)
    return made


def test_turns_of_one_conversation_run_one_at_a_time_in_arrival_order_across_workers(prefix: str):
    order: list[str] = []
    running: list[str] = []

    async def turn(lock_store: QueueLockStore, name: str, start_after: float) -> None:
        await asyncio.sleep(start_after)
        async with lock_store.lock("conversation-1"):
            running.append(name)
            assert len(running) == 1, f"two turns of one conversation at once: {running}"
            order.append(name)
            await asyncio.sleep(0.05)
            running.remove(name)

    async def main() -> None:
        worker_a, worker_b = store(prefix), store(prefix)
        await asyncio.gather(*(turn((worker_a, worker_b)[i % 2], f"turn{i}", i * 0.01) for i in range(6)))

    asyncio.run(main())
    assert order == [f"turn{i}" for i in range(6)]
    assert not list(redis.Redis(db=REDIS_DB).scan_iter(match=f"{prefix}:lock:*")), "a lock was left behind"


def test_other_conversations_do_not_wait(prefix: str):
    async def main() -> list[str]:
        lock_store, done = store(prefix), []
        async with lock_store.lock("busy"):
            async with lock_store.lock("someone-else"):
                done.append("someone-else")
        return done

    assert asyncio.run(main()) == ["someone-else"]


def test_a_ticket_left_by_a_stopped_worker_blocks_only_until_it_expires(prefix: str):
    async def main() -> float:
        lock_store = store(prefix)
        lock_store.hold("conversation-2", 0.5)  # a turn whose worker died mid-turn
        started = asyncio.get_running_loop().time()
        async with lock_store.lock("conversation-2"):
            return asyncio.get_running_loop().time() - started

    waited = asyncio.run(main())
    assert 0.4 <= waited < 5


def test_a_turn_that_fails_gives_the_lock_up(prefix: str):
    async def main() -> str:
        lock_store = store(prefix)
        with pytest.raises(RuntimeError):
            async with lock_store.lock("conversation-3"):
                raise RuntimeError("the turn failed")
        async with lock_store.lock("conversation-3"):
            return "next turn ran"

    assert asyncio.run(main()) == "next turn ran"


def test_tickets_carry_their_expiry():
    assert not expired(new_ticket(60))
    assert expired(new_ticket(-1))
    assert expired("not-a-ticket")
