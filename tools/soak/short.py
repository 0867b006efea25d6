"""The short soak `make test` runs (tests/integration/test_soak_short.py): a few users, one storage
outage and one action-server kill during the same load, so that the soak cannot rot unnoticed.

People who meet the safety message (the action server is down) send the same answer again a
moment later, as a person would. Every report whose summary was affirmed must end up stored
exactly once: under the reference the person was given, or (storage down) from the outbox.
`make soak` (tools/soak/run.py) is the long one.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

from servator.config.responses import service_unavailable_reply
from tools.loadgen import FAQ_CONVERSATION, LoadResult, send
from tools.soak.stack import SoakStack, set_reachable, stored_reports
from tools.soak.users import REPORT_STEPS, SUMMARY, TIMEOUT, Reporter, not_saved_words

SAFETY = service_unavailable_reply()["text"]
NOT_SAVED = not_saved_words()
SCENARIO = "s"
RETRY_SECONDS = 1.0


@dataclass
class ShortSoak:
    """What happened: the affirmed reports, the load's figures and the faults' timings."""

    load: LoadResult = field(default_factory=LoadResult)
    affirmed: list[Reporter] = field(default_factory=list)
    queued: int = 0
    retried_turns: int = 0
    outage_seconds: float = 0.0
    restart_seconds: float = 0.0
    drained_seconds: float = 0.0
    still_queued: int = 0
    # (what, time.monotonic()): when each fault began and ended, to read transcripts against.
    faults: list[tuple[str, float]] = field(default_factory=list)

    def problems(self, stored: list[dict[str, str]]) -> list[str]:
        """Every report lost, doubled, stored under another reference, or affirmed without an answer."""
        mine = [row for row in stored if f"soak{SCENARIO}x" in row["location"]]
        found: Counter[str] = Counter(
            r.tag for r in self.affirmed for row in mine if r.tag in row["location"]
        )
        problems = []
        for reporter in self.affirmed:
            rows = [row for row in mine if reporter.tag in row["location"]]
            if found[reporter.tag] != 1:
                problems.append(
                    f"{reporter.tag}: stored {found[reporter.tag]} times ({reporter.last_text[:100]!r}); "
                    f"turns {reporter.transcript}"
                )
            elif reporter.reference and rows[0]["reference"] != reporter.reference:
                problems.append(f"{reporter.tag}: given {reporter.reference}, stored {rows[0]['reference']}")
            elif not reporter.reference and NOT_SAVED not in reporter.last_text:
                problems.append(f"{reporter.tag}: affirmed, answered {reporter.last_text[:100]!r}")
        if len(mine) != len(self.affirmed):
            problems.append(f"{len(mine)} soak reports stored for {len(self.affirmed)} affirmed")
        if problems:
            problems.append(f"faults at {[(what, round(at, 1)) for what, at in self.faults]}")
        return problems

    def figures(self) -> str:
        s = self.load.summary()
        given = sum(1 for r in self.affirmed if r.reference)
        return (
            f"{s['messages']} msgs, {s['errors']} failed turns, p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms; "
            f"{len(self.affirmed)} reports affirmed, {given} references given, {self.queued} queued; "
            f"{self.retried_turns} turns sent again; outage {self.outage_seconds:.0f} s, "
            f"action server back in {self.restart_seconds:.1f} s, outbox drained in {self.drained_seconds:.1f} s"
        )


def asked_step(text: str) -> int | None:
    """The step whose answer `text` asks for (the summary first: it quotes the other answers)."""
    for index in range(SUMMARY, 0, -1):
        if REPORT_STEPS[index - 1][1] in text:
            return index
    return None


async def _report(session: aiohttp.ClientSession, url: str, soak: ShortSoak, give_up: float) -> None:
    """One whole report, answering the question asked (as a person would); a turn answered with the
    safety message (or not at all) is sent again. Affirmed only when the summary was on screen."""
    reporter = Reporter(SCENARIO)
    while reporter.step < len(REPORT_STEPS):
        if time.perf_counter() > give_up:
            return
        step = reporter.step
        replies = await reporter.answer(session, url, soak.load, check=False)
        if replies is None or SAFETY in reporter.last_text:
            reporter.step = step
            soak.retried_turns += 1
            await asyncio.sleep(RETRY_SECONDS)
        elif step == SUMMARY:
            soak.affirmed.append(reporter)
            soak.queued += reporter.reference is None and NOT_SAVED in reporter.last_text
        else:
            asked = asked_step(reporter.last_text)
            if asked is None:
                reporter.wrong_turns.append(f"step {step}: {reporter.last_text[:80]!r}")
                return
            reporter.step = asked


async def _faq(session: aiohttp.ClientSession, url: str, soak: ShortSoak, sender: str) -> None:
    for message in FAQ_CONVERSATION:
        await send(session, f"{url}/webhooks/rest/webhook", sender, message, soak.load)


async def _people(url: str, users: int, seconds: float, soak: ShortSoak) -> None:
    deadline = time.perf_counter() + seconds
    give_up = deadline + 60  # a report under way when time is up is finished, not abandoned

    async def person(index: int, session: aiohttp.ClientSession) -> None:
        turn = index
        while time.perf_counter() < deadline:
            if turn % 3 == 2:
                await _faq(session, url, soak, f"soak-faq-{index}-{turn}")
            else:
                await _report(session, url, soak, give_up)
            turn += 1

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=users), timeout=TIMEOUT) as session:
        await asyncio.gather(*(person(i, session) for i in range(users)))


async def _faults(stack: SoakStack, reports_database: str, seconds: float, soak: ShortSoak) -> None:
    """The reports database unreachable for a while, then the action server SIGKILLed and restarted."""
    await asyncio.sleep(seconds * 0.2)
    started = time.monotonic()
    soak.faults.append(("outage", started))
    await asyncio.to_thread(set_reachable, reports_database, False)
    await asyncio.sleep(max(8.0, seconds * 0.2))
    await asyncio.to_thread(set_reachable, reports_database, True)
    soak.outage_seconds = time.monotonic() - started
    soak.faults.append(("database back", time.monotonic()))
    await asyncio.sleep(seconds * 0.15)
    stack.kill(stack.actions)
    started = time.monotonic()
    soak.faults.append(("action server killed", started))
    await asyncio.to_thread(stack.start_actions)
    soak.restart_seconds = time.monotonic() - started
    soak.faults.append(("action server back", time.monotonic()))


def run_short_soak(stack: SoakStack, reports_database: str, users: int, seconds: float) -> ShortSoak:
    """The load and the faults together; then waits (at most 90 s) for the outbox to be stored."""
    soak = ShortSoak()

    async def together() -> None:
        await asyncio.gather(
            _people(stack.url, users, seconds, soak), _faults(stack, reports_database, seconds, soak)
        )

    started = time.monotonic()
    asyncio.run(together())
    soak.load.seconds = time.monotonic() - started
    drain = time.monotonic()
    while stack.outbox.pending() and time.monotonic() - drain < 90:
        time.sleep(1)
    soak.drained_seconds = time.monotonic() - drain
    soak.still_queued = len(stack.outbox.pending())
    return soak


def stored(stack: SoakStack) -> list[dict[str, str]]:
    return stored_reports(stack.reports_url)
