"""PerUserOrder: updates of different users run at the same time, one user's in arrival order."""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update, User

from bot.update_order import PerUserOrder

_ids = iter(range(1, 10_000))


def update_from(user_id: int) -> Update:
    user = User(user_id, "Test", is_bot=False)
    message = Message(next(_ids), None, Chat(user_id, "private"), from_user=user, text="hi")  # type: ignore[arg-type]
    return Update(next(_ids), message=message)


async def test_a_slow_turn_holds_only_its_own_user():
    processor = PerUserOrder()
    finished: list[str] = []
    b_finished = asyncio.Event()

    async def slow_turn() -> None:
        # It lasts until B's turn has run: were B queued behind it, it would give up after 10 s.
        try:
            await asyncio.wait_for(b_finished.wait(), timeout=10)
            finished.append("A1 slow")
        except asyncio.TimeoutError:
            finished.append("A1 gave up waiting for B")

    async def turn(name: str) -> None:
        finished.append(name)
        if name == "B1":
            b_finished.set()

    async with processor:
        await asyncio.gather(
            processor.process_update(update_from(1), slow_turn()),
            processor.process_update(update_from(1), turn("A2")),
            processor.process_update(update_from(2), turn("B1")),
        )
    assert finished == ["B1", "A1 slow", "A2"], "B did not wait for A's slow turn; A's turns kept their order"


async def test_one_user_cannot_take_every_slot():
    processor = PerUserOrder(max_concurrent_updates=64, max_waiting_per_user=4)
    done: list[int] = []

    async def turn(user: int) -> None:
        await asyncio.sleep(0.2 if user == 1 else 0)
        done.append(user)

    async with processor:
        await asyncio.gather(
            *[processor.process_update(update_from(1), turn(1)) for _ in range(10)],
            processor.process_update(update_from(2), turn(2)),
        )
    assert done[0] == 2 and done.count(1) == 4, "updates past the per-user limit are dropped"
