"""The five `make soak` scenarios. Each takes the running stack and returns its checks."""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from servator.config.responses import service_unavailable_reply
from tools.loadgen import LoadResult
from tools.soak.flood import flood
from tools.soak.stack import SoakStack, set_reachable, stored_reports
from tools.soak.users import (
    ASKS_WHEN,
    REPORT_STEPS,
    SUMMARY,
    Reporter,
    advance,
    answer_once,
    mixed_users,
    not_saved_words,
)

SECONDS = float(os.environ.get("SOAK_SECONDS", "120"))
USERS = int(os.environ.get("SOAK_USERS", "50"))
FORM_USERS = int(os.environ.get("SOAK_FORM_USERS", "6"))
FLOOD_SECONDS = float(os.environ.get("SOAK_FLOOD_SECONDS", str(min(60.0, SECONDS))))
FLOOD_USERS = int(os.environ.get("SOAK_FLOOD_USERS", "10"))
FLOOD_WORKERS = int(os.environ.get("SOAK_FLOOD_WORKERS", "4"))


@dataclass
class Check:
    scenario: str
    name: str
    ok: bool
    detail: str


def _stored_once(stack: SoakStack, reporters: Sequence[Reporter], scenario: str) -> Check:
    """Every reference a person was given is in storage exactly once, and nothing else of theirs is."""
    tag = f"soak{scenario.split()[0]}x"
    mine = [r for r in stored_reports(stack.reports_url) if tag in r["location"]]
    stored = sorted(r["reference"] for r in mine)
    given = sorted(r.reference for r in reporters if r.reference)
    missing = [r for r in reporters if not r.reference]
    ok = stored == given and len(set(stored)) == len(stored) and not missing
    return Check(
        scenario,
        "every completed report stored exactly once",
        ok,
        f"{len(given)} references given, {len(stored)} stored, {len(missing)} affirmed without one",
    )


def _in_order(scenario: str, reporters: Sequence[Reporter]) -> Check:
    wrong = [turn for r in reporters for turn in r.wrong_turns]
    return Check(
        scenario, "each answer got the next question", not wrong, "; ".join(wrong[:3]) or "all turns"
    )


def _latency(scenario: str, name: str, result: LoadResult) -> Check:
    s = result.summary()
    return Check(
        scenario,
        name,
        s["errors"] == 0,
        f"{s['messages']} msgs, {s['errors']} errors, "
        f"{s['throughput_msg_s']} msg/s, p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms",
    )


def load(stack: SoakStack) -> list[Check]:
    """1. USERS people for SECONDS: FAQ chats and whole reports."""
    result, finished = asyncio.run(mixed_users(stack.url, USERS, SECONDS, "1"))
    return [
        _latency("1 load", f"{USERS} users, {SECONDS:.0f} s: no server errors", result),
        _in_order("1 load", finished),
        _stored_once(stack, finished, "1 load"),
    ]


def _reporters_at(stack: SoakStack, scenario: str, step: int) -> tuple[list[Reporter], LoadResult]:
    """FORM_USERS people reporting in scenario `scenario`, each taken to the form's step `step`."""
    reporters, result = [Reporter(scenario) for _ in range(FORM_USERS)], LoadResult()
    asyncio.run(advance(reporters, stack.url, result, step))
    return reporters, result


def _seconds_to(start: Callable[[], None]) -> float:
    """How long `start` took (a restart, waited for until it answers)."""
    started = time.monotonic()
    start()
    return time.monotonic() - started


def action_server_crash(stack: SoakStack) -> list[Check]:
    """2. The action server SIGKILLed while people are in the form, then restarted."""
    reporters, result = _reporters_at(stack, "2", ASKS_WHEN)
    stack.kill(stack.actions)
    asyncio.run(answer_once(reporters, stack.url, result, check=False))
    outage = [r.last_text for r in reporters]
    safety = service_unavailable_reply()["text"]
    answered = result.errors == 0 and all(outage)
    restart = _seconds_to(stack.start_actions)
    for reporter in reporters:  # the turn the outage swallowed is answered again
        reporter.step -= 1 if safety in reporter.last_text else 0
    asyncio.run(advance(reporters, stack.url, result, len(REPORT_STEPS)))
    return [
        Check(
            "2 actions down",
            "answers while down: 200 with text",
            answered,
            f"{sum(safety in t for t in outage)}/{len(outage)} got the 999/hotline safety message",
        ),
        Check("2 actions down", "action server back", True, f"restarted in {restart:.1f} s"),
        _in_order("2 actions down", reporters),
        _stored_once(stack, reporters, "2 actions down"),
    ]


def rasa_crash(stack: SoakStack) -> list[Check]:
    """3. Rasa SIGKILLed mid-form and restarted: the same senders carry on from the SQL tracker store."""
    reporters, result = _reporters_at(stack, "3", ASKS_WHEN)
    stack.kill(stack.rasa)
    restart = _seconds_to(stack.start_rasa)
    asyncio.run(advance(reporters, stack.url, result, len(REPORT_STEPS)))
    return [
        Check(
            "3 Rasa restart",
            "Rasa back",
            result.errors == 0,
            f"restarted in {restart:.1f} s, {result.errors} failed turns",
        ),
        _in_order("3 Rasa restart", reporters),
        _stored_once(stack, reporters, "3 Rasa restart"),
    ]


def storage_outage(stack: SoakStack, reports_database: str) -> list[Check]:
    """4. Reports database unreachable at submission: queued and told so; later stored exactly once."""
    reporters, result = _reporters_at(stack, "4", SUMMARY)
    set_reachable(reports_database, False)
    try:
        asyncio.run(answer_once(reporters, stack.url, result))
        queued = len(stack.outbox.pending())
    finally:
        set_reachable(reports_database, True)
    not_saved = not_saved_words()
    told = sum(not_saved in r.last_text and not r.reference for r in reporters)
    later = Reporter("4")
    asyncio.run(advance([later], stack.url, result, len(REPORT_STEPS)))
    mine = [r for r in stored_reports(stack.reports_url) if "soak4x" in r["location"]]
    per_tag = Counter(r.tag for r in [*reporters, later] for m in mine if r.tag in m["location"])
    once = all(per_tag[r.tag] == 1 for r in [*reporters, later]) and len(mine) == len(reporters) + 1
    return [
        Check(
            "4 storage down",
            "told not saved yet, and queued",
            told == len(reporters) == queued and result.errors == 0,
            f"{told}/{len(reporters)} told, {queued} in the outbox",
        ),
        Check(
            "4 storage down",
            "after recovery every queued report stored once",
            once and not stack.outbox.pending(),
            f"{len(mine)} stored for {len(reporters) + 1} reports, {len(stack.outbox.pending())} still queued, "
            f"new reference {'given' if later.reference else 'missing'}",
        ),
    ]


def malformed_flood(stack: SoakStack) -> list[Check]:
    """5. Normal users alone, then alongside a flood of malformed and oversized requests."""
    quiet, _ = asyncio.run(mixed_users(stack.url, FLOOD_USERS, FLOOD_SECONDS, "5"))

    async def together() -> tuple[tuple[LoadResult, list[Reporter]], Counter[str]]:
        deadline = time.perf_counter() + FLOOD_SECONDS
        return await asyncio.gather(
            mixed_users(stack.url, FLOOD_USERS, FLOOD_SECONDS, "5"), flood(stack.url, FLOOD_WORKERS, deadline)
        )

    (busy, _), statuses = asyncio.run(together())
    flood_ok = not statuses["5xx"] and not statuses["no answer"]
    return [
        _latency("5 flood", f"{FLOOD_USERS} users, no flood", quiet),
        _latency("5 flood", f"{FLOOD_USERS} users + {FLOOD_WORKERS} flooders", busy),
        Check(
            "5 flood",
            "flood answered without server errors",
            flood_ok,
            ", ".join(f"{key}: {value}" for key, value in sorted(statuses.items())),
        ),
    ]
