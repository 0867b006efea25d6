"""Simulated users for `make soak`: FAQ chats and whole reports that end with "/affirm" on the summary.

Each report carries a unique tag in its place (free text inside the form, so it cannot change
how the model reads the opening message), so the suite can find every report it
made in the export and check each one is stored exactly once.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp

from servator.config.responses import render
from servator.storage import REFERENCE_PATTERN
from tools.loadgen import FAQ_CONVERSATION, LoadResult, Reply, send

TIMEOUT = aiohttp.ClientTimeout(total=90)

# (answer, a phrase of the question that must come next), as the current model handles a report.
# The report starts with the description itself, as in tests/integration/test_e2e_rest.py.
REPORT_STEPS: tuple[tuple[str, str], ...] = (
    ("a man was filming our gate for an hour", "Where"),
    ("outside the embassy on grosvenor square, gate {tag}", "When"),
    ("about 20 minutes ago", "still happening"),
    ("/deny", "describe the people"),
    ("skip", "vehicle"),
    ("no vehicle", "Which way"),
    ("skip", "contact you"),
    ("/deny", "Here is your report"),
    ("/affirm", ""),
)
ASKS_WHEN = 2  # index of the step whose answer follows the "When" question
SUMMARY = len(REPORT_STEPS) - 1  # index of the final "/affirm"


def not_saved_words() -> str:
    """The first sentence of "not saved yet", which every variant of the response starts with."""
    return str(render("utter_report_not_saved")["text"]).split(".")[0]


def joined(replies: list[Reply] | None) -> str:
    return "\n".join(str(reply.get("text") or "") for reply in replies or [])


def new_tag(scenario: str) -> str:
    """A marker the place validator keeps as typed: letters and digits only."""
    return f"soak{scenario}x{uuid.uuid4().hex[:10]}"


@dataclass
class Reporter:
    """One person making one report, step by step, so scenarios can interrupt them anywhere."""

    scenario: str
    sender: str = field(default_factory=lambda: f"soak-{uuid.uuid4().hex[:12]}")
    tag: str = ""
    step: int = 0
    reference: str | None = None
    last_text: str = ""
    wrong_turns: list[str] = field(default_factory=list)
    # (step, time.monotonic() when answered, the first words of the reply) for every turn: what a
    # failure report shows.
    transcript: list[tuple[int, float, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tag = self.tag or new_tag(self.scenario)

    async def answer(
        self, session: aiohttp.ClientSession, url: str, result: LoadResult, check: bool = True
    ) -> list[Reply] | None:
        """Send the current step's answer; note when the reply is not the next question."""
        message, expected = REPORT_STEPS[self.step]
        replies = await send(
            session, f"{url}/webhooks/rest/webhook", self.sender, message.format(tag=self.tag), result
        )
        self.last_text = joined(replies)
        said = self.last_text[:40] if replies is not None else "(no answer)"
        self.transcript.append((self.step, round(time.monotonic(), 1), said))
        if replies is None:
            return None
        if self.step == SUMMARY:
            found = REFERENCE_PATTERN.search(self.last_text)
            self.reference = found.group(0) if found else None
        elif check and expected not in self.last_text:
            self.wrong_turns.append(f"step {self.step}: expected {expected!r}")
        self.step += 1
        return replies

    async def until(self, session: aiohttp.ClientSession, url: str, result: LoadResult, step: int) -> bool:
        """Answer up to (not including) `step`; False if a turn failed."""
        while self.step < step:
            if await self.answer(session, url, result) is None:
                return False
        return True


async def faq_user(session: aiohttp.ClientSession, url: str, result: LoadResult, deadline: float) -> None:
    sender = f"soak-faq-{uuid.uuid4().hex[:12]}"
    for message in FAQ_CONVERSATION:
        if time.perf_counter() >= deadline:
            return
        await send(session, f"{url}/webhooks/rest/webhook", sender, message, result)


async def report_user(
    session: aiohttp.ClientSession,
    url: str,
    result: LoadResult,
    deadline: float,
    scenario: str,
    finished: list[Reporter],
) -> None:
    reporter = Reporter(scenario)
    while reporter.step < len(REPORT_STEPS) and time.perf_counter() < deadline:
        if await reporter.answer(session, url, result) is None:
            return
    if reporter.step == len(REPORT_STEPS):
        finished.append(reporter)


async def mixed_users(
    url: str, users: int, seconds: float, scenario: str
) -> tuple[LoadResult, list[Reporter]]:
    """`users` people for `seconds`, alternating FAQ chats and whole reports; the finished reports."""
    result, finished = LoadResult(), list[Reporter]()
    started = time.perf_counter()
    deadline = started + seconds

    async def person(index: int, session: aiohttp.ClientSession) -> None:
        turn = index
        while time.perf_counter() < deadline:
            if turn % 2:
                await faq_user(session, url, result, deadline)
            else:
                await report_user(session, url, result, deadline, scenario, finished)
            turn += 1

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=users), timeout=TIMEOUT) as session:
        await asyncio.gather(*(person(i, session) for i in range(users)))
    result.seconds = time.perf_counter() - started
    return result, finished


async def advance(reporters: Sequence[Reporter], url: str, result: LoadResult, step: int) -> None:
    """Every reporter, concurrently, up to `step`."""
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        await asyncio.gather(*(r.until(session, url, result, step) for r in reporters))


async def answer_once(
    reporters: Sequence[Reporter], url: str, result: LoadResult, check: bool = True
) -> None:
    """Every reporter sends its next answer, concurrently."""
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        await asyncio.gather(*(r.answer(session, url, result, check) for r in reporters))
