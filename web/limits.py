"""Per-session and per-address limits for the web chat: messages per minute, reports per hour.

In memory, in the one web chat process. A message over a limit is refused before it reaches Rasa.
Reports are counted when Rasa's reply gives a new report's reference (servator.storage's
REFERENCE_PATTERN): once a session or an address has had its reports for the hour, it is
refused until the hour has moved on, so a script cannot bury real reports under invented ones.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

from reading.references import FOLLOW_UP_CODE_PATTERN, REFERENCE_PATTERN
from servator.config.settings import Settings

MINUTE = 60.0
HOUR = 3600.0
# Forget keys idle for a whole window once this many are held, so memory stays bounded.
MAX_KEYS = 50_000
SLOW_DOWN_RESPONSE = "utter_slow_down"
REPORT_LIMIT_RESPONSE = "utter_report_limit_reached"


def gives_a_new_report(texts: list[str]) -> bool:
    """A reply that gives a reference with its follow-up code: a report was just made (a check on a
    report, or "what was my reference?", names the reference alone)."""
    return any(REFERENCE_PATTERN.search(text) and FOLLOW_UP_CODE_PATTERN.search(text) for text in texts)


class SlidingWindow:
    """At most `limit` events per key in any `seconds`-long window."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._events: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._events.setdefault(key, deque())
        while times and now - times[0] >= self.seconds:
            times.popleft()
        return times

    def full(self, key: str, now: float) -> bool:
        return len(self._recent(key, now)) >= self.limit

    def retry_after(self, key: str, now: float) -> float:
        times = self._recent(key, now)
        return max(0.0, self.seconds - (now - times[0])) if times else 0.0

    def add(self, key: str, now: float) -> None:
        self._recent(key, now).append(now)
        if len(self._events) > MAX_KEYS:
            for idle in [k for k, t in self._events.items() if not t or now - t[-1] >= self.seconds]:
                del self._events[idle]


@dataclass(frozen=True)
class Refusal:
    response: str  # the domain response to answer with
    retry_after: int  # seconds


class WebLimits:
    """The four limits; `admit` before relaying a message, `report_made` when a reply gives a reference."""

    def __init__(self, settings: Settings) -> None:
        self.session_messages = SlidingWindow(settings.webchat_session_messages_per_minute, MINUTE)
        self.address_messages = SlidingWindow(settings.webchat_ip_messages_per_minute, MINUTE)
        self.session_reports = SlidingWindow(settings.webchat_session_reports_per_hour, HOUR)
        self.address_reports = SlidingWindow(settings.webchat_ip_reports_per_hour, HOUR)

    def admit(self, session: str, address: str, now: float | None = None) -> Refusal | None:
        """None (and the message is counted) if it may go to Rasa, else why not."""
        now = time.monotonic() if now is None else now
        for window, key in ((self.session_reports, session), (self.address_reports, address)):
            if window.full(key, now):
                return Refusal(REPORT_LIMIT_RESPONSE, round(window.retry_after(key, now)) + 1)
        for window, key in ((self.session_messages, session), (self.address_messages, address)):
            if window.full(key, now):
                return Refusal(SLOW_DOWN_RESPONSE, round(window.retry_after(key, now)) + 1)
        self.session_messages.add(session, now)
        self.address_messages.add(address, now)
        return None

    def report_made(self, session: str, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self.session_reports.add(session, now)
        self.address_reports.add(address, now)
