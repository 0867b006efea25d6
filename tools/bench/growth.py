"""Cost per turn against the length of one conversation (`make bench`'s `length_growth`).

One sender sends ordinary messages (FAQs, thanks, starting and cancelling a report) turn after
turn; the latency of every turn is kept, and the CPU time the Rasa server's processes used is
read from /proc at the window edges. The figures of turns 0-60 and of turns 500-560 of the same
run are compared: a flat cost per turn gives a ratio near 1.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp

from tools.loadgen import LoadResult, percentile, send

# An ordinary conversation, repeated: questions, thanks, a report started and cancelled.
LONG_CONVERSATION = (
    "hello",
    "what is project servator",
    "thanks",
    "are the officers armed",
    "/report_suspicious",
    "a man has been filming our gate for an hour",
    "/cancel",
    "which number do i call to report something",
    "what does parliamentary and diplomatic protection do",
    "thank you",
)
WINDOWS = ((0, 60), (500, 560))


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU time of the given processes (from /proc/<pid>/stat)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


async def long_conversation(
    rasa_url: str, turns: int, pids: Sequence[int] = (), script: Sequence[str] = LONG_CONVERSATION
) -> tuple[list[float], dict[int, float], int]:
    """Sends `turns` messages from one sender; returns each turn's latency (s, None-free),
    the CPU seconds of `pids` at every window edge, and the number of failed turns."""
    url = f"{rasa_url}/webhooks/rest/webhook"
    sender = f"growth-{uuid.uuid4().hex[:12]}"
    edges = {edge for window in WINDOWS for edge in window}
    result = LoadResult()
    cpu_at: dict[int, float] = {}
    latencies: list[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        for turn in range(turns):
            if turn in edges:
                cpu_at[turn] = cpu_seconds(pids)
            before = len(result.latencies)
            await send(session, url, sender, script[turn % len(script)], result)
            latencies.append(result.latencies[-1] if len(result.latencies) > before else float("nan"))
    if turns in edges:
        cpu_at[turns] = cpu_seconds(pids)
    return latencies, cpu_at, result.errors


def window_figures(latencies: list[float], cpu_at: dict[int, float], start: int, end: int) -> dict[str, Any]:
    values = [v for v in latencies[start:end] if v == v]  # NaN (a failed turn) left out
    figures: dict[str, Any] = {
        "p50_ms": round(1000 * percentile(values, 0.50), 1),
        "p95_ms": round(1000 * percentile(values, 0.95), 1),
    }
    if start in cpu_at and end in cpu_at:
        figures["rasa_cpu_ms_per_turn"] = round(1000 * (cpu_at[end] - cpu_at[start]) / (end - start), 2)
    return figures


def length_growth(rasa_url: str, pids: Sequence[int] = ()) -> dict[str, Any]:
    """Turns 0-60 and 500-560 of one conversation, and the ratio of their p95 (and CPU)."""
    turns = max(end for _, end in WINDOWS)
    started = time.monotonic()
    latencies, cpu_at, errors = asyncio.run(long_conversation(rasa_url, turns, pids))
    figures: dict[str, Any] = {
        "turns": turns,
        "errors": errors,
        "seconds": round(time.monotonic() - started, 1),
    }
    for start, end in WINDOWS:
        figures[f"turns_{start}_{end}"] = window_figures(latencies, cpu_at, start, end)
    first, last = (figures[f"turns_{s}_{e}"] for s, e in WINDOWS)
    if first["p95_ms"]:
        figures["p95_growth_x"] = round(last["p95_ms"] / first["p95_ms"], 2)
    if first.get("rasa_cpu_ms_per_turn"):
        figures["cpu_growth_x"] = round(last["rasa_cpu_ms_per_turn"] / first["rasa_cpu_ms_per_turn"], 2)
    return figures
