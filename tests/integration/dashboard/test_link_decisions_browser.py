"""Deciding on links in Chromium, on a laptop and a phone: the report's page and the pattern's page show
each link with "Confirm" and "Not linked", a click says what happened, and axe-core finds nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from servator.storage import ensure_schema, make_session_factory
from tests.support.axe import usable_on
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.dashboard import Dashboard, running_dashboard, signed_in_page
from tests.support.linking_helpers import days, draft, store_and_link
from tests.support.ports import dashboard_port

pytestmark = pytest.mark.browser
CARS = ["silver Ford Focus KX19 PLM", "silver ford focus KX19PLM", "Silver Ford Focus KX19 PIM"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dashboard, list[str]]]:
    folder = tmp_path_factory.mktemp("link-decisions-browser")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    references = [
        store_and_link(sessions, draft(vehicle_text=car, occurred_at=days(n * 0.3)))[0]
        for n, car in enumerate(CARS)
    ]
    sessions.kw["bind"].dispose()
    with running_dashboard(database_url, dashboard_port(offset=4), folder=folder) as dashboard:
        yield dashboard, references


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize("viewport", [pytest.param(LAPTOP, id="laptop"), pytest.param(PHONE, id="phone")])
def test_an_officer_confirms_one_link_and_says_another_is_not_linked(served, browser, viewport):
    dashboard, (first, second, misread) = served
    context, page = signed_in_page(browser, dashboard, viewport)
    try:
        page.goto(f"{dashboard.url}/reports/{misread}")
        links = page.locator("#report-links")
        expect(links).to_contain_text(
            "KX19 PIM and KX19 PLM differ in one character; both a silver Ford Focus"
        )
        usable_on(page, viewport)
        other = first if viewport is LAPTOP else second
        row = links.locator("tr", has_text=other)
        decided = "confirmed as linked" if viewport is LAPTOP else "marked not linked"
        button = "Confirm" if viewport is LAPTOP else "Not linked"
        row.get_by_role("button", name=button).click()
        expect(page.locator("#change-notice")).to_contain_text(f"Reports {misread} and {other} {decided}")
        if viewport is LAPTOP:
            expect(links.locator("tr", has_text=first)).to_contain_text("Confirmed")
        else:
            expect(page.locator("#report-not-linked")).to_contain_text(second)
        page.locator("#report-cluster a").click()
        expect(page.locator("h1")).to_contain_text("Pattern LNK-")
        expect(page.locator("#cluster-links")).to_contain_text("Not linked")
        usable_on(page, viewport)
    finally:
        context.close()
