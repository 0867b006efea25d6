"""The queue page's own refresh in a real Chromium: it says it is a background request (so it does
not keep the session alive), stops while the tab is hidden and refreshes at once when shown again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import LAPTOP, chromium
from tests.support.dashboard import Dashboard, running_dashboard, sign_in
from tests.support.ports import dashboard_port
from tests.support.storage_helpers import sqlite_url

pytestmark = [pytest.mark.browser]

HIDE = """() => {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW = """() => {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


@pytest.fixture
def dashboard(tmp_path: Path) -> Iterator[Dashboard]:
    with running_dashboard(sqlite_url(tmp_path), dashboard_port(offset=5), folder=tmp_path) as served:
        yield served


def test_the_queue_polls_in_the_background_only_while_the_tab_is_shown(dashboard: Dashboard) -> None:
    polls: list[tuple[float, str | None]] = []
    with chromium() as browser:
        page = browser.new_context(viewport=LAPTOP).new_page()
        page.on(
            "request",
            lambda request: (
                polls.append((time.monotonic(), request.headers.get("x-servator-background")))
                if "/api/queue" in request.url
                else None
            ),
        )
        sign_in(page, dashboard.url, dashboard.username, dashboard.password)
        page.get_by_role("heading", name="Triage queue").wait_for()
        page.wait_for_timeout(9_000)
        shown = len(polls)
        assert shown >= 2, f"{shown} refreshes in 9 s while shown"
        assert all(header == "poll" for _, header in polls), "every refresh says it is a background one"
        page.evaluate(HIDE)
        hidden_at = time.monotonic()
        page.wait_for_timeout(10_000)
        assert [at for at, _ in polls if at > hidden_at + 0.5] == [], "no refresh while the tab is hidden"
        shown_at = time.monotonic()
        page.evaluate(SHOW)
        page.wait_for_timeout(1_500)
        assert any(at >= shown_at for at, _ in polls), "shown again: refreshed at once"
