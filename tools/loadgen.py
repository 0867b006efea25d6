"""A small HTTP load generator for the REST channel, shared by `make bench` and `make soak`.

Simulated users hold whole conversations (FAQs, or a report from start to cancel/submit),
one message at a time, each with a fresh sender id. Loopback only; bounded by time.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

Reply = dict[str, Any]  # one of Rasa's REST replies: {"recipient_id", "text", "buttons"...}
Scripts = tuple[tuple[str, ...], ...]  # conversations, each a tuple of messages

FAQ_CONVERSATION = (
    "hello",
    "what is project servator",
    "there are police outside our embassy, should we be worried",
    "which number do i call to report something",
    "are the officers armed",
    "thanks",
    "bye",
)
REPORT_CONVERSATION = (
    "/report_suspicious",
    "a man has been filming our gate for an hour",
    "outside the embassy on grosvenor square",
    "about 20 minutes ago",
    "/deny",
    "skip",
    "no vehicle",
    "skip",
    "/deny",
    "/cancel",
)
MIXED = (FAQ_CONVERSATION, REPORT_CONVERSATION)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        """Messages/s and latency percentiles in milliseconds."""
        done = len(self.latencies)
        return {
            "messages": done,
            "errors": self.errors,
            "throughput_msg_s": round(done / self.seconds, 2) if self.seconds else 0.0,
            "p50_ms": round(1000 * percentile(self.latencies, 0.50), 1),
            "p95_ms": round(1000 * percentile(self.latencies, 0.95), 1),
            "mean_ms": round(1000 * statistics.fmean(self.latencies), 1) if done else 0.0,
        }


async def send(
    session: aiohttp.ClientSession, url: str, sender: str, message: str, result: LoadResult
) -> list[Reply] | None:
    """One message; a non-200 status, an exception or an empty answer counts as an error."""
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            replies: list[Reply] | None = (
                await response.json(content_type=None) if response.status == 200 else None
            )
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        replies = None
    if not replies:
        result.errors += 1
        return None
    result.latencies.append(time.perf_counter() - started)
    return replies


async def _user(
    session: aiohttp.ClientSession, url: str, deadline: float, scripts: Scripts, result: LoadResult
) -> None:
    for script in itertools.cycle(scripts):
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for message in script:
            if time.perf_counter() >= deadline:
                return
            await send(session, url, sender, message, result)


async def run_load(
    rasa_url: str, users: int, seconds: float, scripts: Scripts = MIXED, timeout: float = 30
) -> LoadResult:
    """`users` concurrent simulated users for `seconds`; every message's latency recorded."""
    url = f"{rasa_url}/webhooks/rest/webhook"
    result = LoadResult()
    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)
    ) as session:
        started = time.perf_counter()
        deadline = started + seconds
        # Stagger the users so they do not all start on the same script step.
        scripts_per_user = [scripts[i % len(scripts) :] + scripts[: i % len(scripts)] for i in range(users)]
        await asyncio.gather(*(_user(session, url, deadline, s, result) for s in scripts_per_user))
        result.seconds = time.perf_counter() - started
    return result
