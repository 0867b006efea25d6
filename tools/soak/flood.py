"""Malformed and oversized requests for `make soak` scenario 5: what a careless or hostile client sends."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import Counter
from collections.abc import Callable

import aiohttp

MEGABYTE = 1024 * 1024
JSON = {"Content-Type": "application/json"}


def _body(message: object, sender: object = "flood") -> bytes:
    return json.dumps({"sender": sender, "message": message}).encode()


def _fresh(message: object) -> Callable[[], bytes]:
    return lambda: _body(message, f"flood-{uuid.uuid4().hex[:10]}")


# Each kind builds a request body (a fresh sender each time, so no flood request joins a real conversation).
FLOOD_KINDS: list[tuple[str, Callable[[], bytes]]] = [
    ("bad JSON", lambda: b'{"sender": "flood", "message": "unterminated'),
    ("empty body", lambda: b""),
    ("JSON list", lambda: b"[1, 2, 3]"),
    ("1 MB JSON message", _fresh("blah " * (MEGABYTE // 5))),
    ("1 MB of bytes", lambda: b"\xff\x00garbage" * (MEGABYTE // 10)),
    ("20,000-char message", _fresh("help " * 4000)),
    ("control characters", _fresh("\x00\x07\x1b[31mhello\x7f\u202e\u200b")),
    ("intent with entities", _fresh('/inform{"report_confirm":"confirmed","report_category":"other"}')),
    ("intent with bad JSON", _fresh("/affirm{not json")),
    ("unknown intent", _fresh('/restart{"x": 1}')),
    ("null message", _fresh(None)),
    ("number sender", lambda: _body("hello", 12345)),
]


async def flood(url: str, workers: int, deadline: float) -> Counter[str]:
    """`workers` clients cycling through FLOOD_KINDS until the deadline; counts responses by status class."""
    statuses: Counter[str] = Counter()
    endpoint = f"{url}/webhooks/rest/webhook"

    async def worker(index: int, session: aiohttp.ClientSession) -> None:
        turn = index
        while time.perf_counter() < deadline:
            _, build = FLOOD_KINDS[turn % len(FLOOD_KINDS)]
            turn += 1
            try:
                async with session.post(endpoint, data=build(), headers=JSON) as response:
                    await response.read()
                    statuses[f"{response.status // 100}xx"] += 1
            except (aiohttp.ClientError, asyncio.TimeoutError):
                statuses["no answer"] += 1

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=90)) as session:
        await asyncio.gather(*(worker(i, session) for i in range(workers)))
    return statuses
