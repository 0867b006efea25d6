"""The officer dashboard in a real headless Chromium (Debian's, through Playwright), over the real
served stack: reports filed over Rasa's REST channel seconds earlier, as a member of the public does."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from servator import linking
from servator.storage import AuditEntry, Report, make_session_factory, store_draft
from servator.storage.accounts import add_officer
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.dashboard import Dashboard, running_dashboard, sign_in
from tests.support.linking_helpers import new_plate
from tests.support.ports import dashboard_port
from tests.support.reports import file_report_through_the_form
from tests.support.storage_helpers import full_draft

pytestmark = [pytest.mark.browser, pytest.mark.rasa]

SCRIPT = "<script>window.pwned=1</script><b>bold</b> then they left"
FORMULA = "=cmd|' /C calc'!A0"
SCREENSHOTS = Path("/tmp/dashboard-screenshots")


@pytest.fixture(scope="module")
def dashboard(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    folder = tmp_path_factory.mktemp("dashboard-browser")
    with running_dashboard(stack.database_url, dashboard_port(offset=1), folder=folder) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def sessions_for(dashboard: Dashboard):
    return make_session_factory(dashboard.database_url)


def stored(dashboard: Dashboard, draft) -> str:
    sessions = sessions_for(dashboard)
    try:
        reference, _ = store_draft(draft, sessions)
        return reference
    finally:
        sessions.kw["bind"].dispose()


def status_and_trail(dashboard: Dashboard, reference: str) -> tuple[str, list[tuple[str, str, str | None]]]:
    sessions = sessions_for(dashboard)
    try:
        with sessions() as session:
            status = session.execute(select(Report.status).where(Report.reference == reference)).scalar_one()
            trail = session.execute(
                select(AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
                .where(AuditEntry.reference == reference)
                .order_by(AuditEntry.id)
            ).all()
        return str(status), [tuple(row) for row in trail]
    finally:
        sessions.kw["bind"].dispose()


def test_signing_in_with_wrong_passwords_refused_then_locked_out(dashboard, page):
    sessions = sessions_for(dashboard)
    with sessions() as session:
        add_officer(session, "pc.browser", "the browser's own passphrase")
        session.commit()
    sessions.kw["bind"].dispose()
    page.goto(f"{dashboard.url}/")
    assert page.url.endswith("/login"), "no session: the sign-in page"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard-login.png"), full_page=True)
    for attempt in range(5):
        sign_in(page, dashboard.url, "pc.browser", f"not it {attempt}")
        assert "do not match an active account" in page.get_by_role("alert").inner_text()
    sign_in(page, dashboard.url, "pc.browser", "the browser's own passphrase")
    assert "Too many failed sign-ins" in page.get_by_role("alert").inner_text()
    assert page.get_by_role("heading", name="Triage queue").count() == 0
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.get_by_role("heading", name="Triage queue").wait_for()
    assert f"Signed in as {dashboard.username}" in page.locator(".who").inner_text()


def test_a_report_filed_over_rest_appears_without_a_reload_and_is_marked_reviewed(stack, dashboard, page):
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.get_by_role("heading", name="Triage queue").wait_for()
    page.evaluate("() => { window.sameDocument = true; }")
    reference = file_report_through_the_form(
        stack,
        "a woman was photographing the turnstiles and the police van for ages",
        "outside Wembley Stadium",
        "this morning",
        f"blue vauxhall astra {new_plate()}",
    )
    row = page.locator(f"#queue-rows tr[data-reference='{reference}']")
    row.wait_for(timeout=30_000)
    assert page.evaluate("() => window.sameDocument") is True, "the row came without a reload"
    cells = row.locator("td").all_inner_texts()
    assert cells[0].startswith(reference) and "Filming, photographing or watching" in cells[0]
    assert cells[1].startswith("a woman was photographing the turnstiles"), "a snippet of what happened"
    assert cells[2][:2].isdigit() and cells[3][:2].isdigit(), "seen and reported, in London time"
    assert "Wembley Stadium" in cells[4]
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard-queue.png"), full_page=True)

    row.get_by_label(f"Note for {reference}").fill("passed to the embassy's security team")
    row.get_by_role("button", name=f"Mark reviewed: {reference}").click()
    page.get_by_role("heading", name="Triage queue").wait_for()
    assert page.locator(f"#queue-rows tr[data-reference='{reference}']").count() == 0
    status, trail = status_and_trail(dashboard, reference)
    assert status == "reviewed"
    assert (f"officer:{dashboard.username}", "status", "status new -> reviewed; note added") in trail
    assert f"Report {reference} marked reviewed (it was new)." in page.locator("#change-notice").inner_text()
    page.goto(f"{dashboard.url}/reports/{reference}")
    assert page.locator("#report-status").inner_text() == "Reviewed"
    assert "New → Reviewed (with a note)" in page.locator("#report-audit").inner_text()
    assert "passed to the embassy's security team" in page.locator("#report-notes").inner_text()


def test_the_linked_report_view_shows_both_reports_and_why(stack, dashboard, page):
    plate = new_plate()
    first = file_report_through_the_form(
        stack,
        f"a grey skoda octavia {plate} parked by the fuel depot for hours, the driver filming the fences",
        "Heathrow Airport, the perimeter road",
        "yesterday afternoon",
        f"grey skoda octavia {plate}",
    )
    second = file_report_through_the_form(
        stack,
        "saw that car again circling the drop-off area slowly, the passenger was filming",
        "London City Airport",
        "this morning",
        f"grey Skoda, reg {plate.lower()}",
    )
    sessions = sessions_for(dashboard)
    deadline, links = time.monotonic() + 60, []
    while time.monotonic() < deadline and not any(link.reference == first for link in links):
        with sessions() as session:
            links = linking.links_for(session, second)
        time.sleep(0.5)
    sessions.kw["bind"].dispose()
    assert any(link.reference == first for link in links), "the linking worker linked them"
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.goto(f"{dashboard.url}/reports/{second}")
    table = page.locator("#report-links")
    shown = table.locator("tbody tr").all_inner_texts()
    for link in links:
        assert any(link.reference in row and link.reason in row for row in shown), (link, shown)
    table.get_by_role("link", name=first).click()
    page.wait_for_url(f"**/reports/{first}")
    assert second in page.locator("#report-links").inner_text()
    assert page.locator("#report-map").get_attribute("data-lat"), "the map element has the point"


def test_a_script_in_the_description_is_shown_as_text(dashboard, page):
    reference = stored(dashboard, full_draft(f"browser-script-{time.time()}", description=SCRIPT))
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.goto(f"{dashboard.url}/reports/{reference}")
    assert page.locator("#report-description").inner_text() == SCRIPT
    assert page.locator("#report-description b").count() == 0
    assert page.evaluate("() => window.pwned") is None
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard-report.png"), full_page=True)


def test_the_csv_export_downloads_the_filter_formula_safe(dashboard, page):
    reference = stored(
        dashboard, full_draft(f"browser-export-{time.time()}", people_description=FORMULA, category="hostile")
    )
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.goto(f"{dashboard.url}/?status=all&category=hostile")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [row["reference"] for row in rows] == [reference], "exactly the filter's reports"
    assert rows[0]["people_description"] == "'" + FORMULA
    _status, trail = status_and_trail(dashboard, reference)
    sessions = sessions_for(dashboard)
    with sessions() as session:
        details = (
            session.execute(select(AuditEntry.detail).where(AuditEntry.action == "export")).scalars().all()
        )
    sessions.kw["bind"].dispose()
    assert any(
        d.startswith("format=csv; status=all; category=hostile") and d.endswith("count=1") for d in details
    )


def test_a_stranger_gets_the_sign_in_page_on_every_url(dashboard, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    try:
        for path in (
            "/",
            "/reports/SRV-20260101-ABCDEF",
            "/map",
            "/trends",
            "/export.csv",
            "/export.geojson",
        ):
            page.goto(dashboard.url + path)
            assert "/login" in page.url, path
            page.get_by_label("Password").wait_for()
            assert page.get_by_role("heading", name="Sign in").is_visible()
            assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], path
        response = page.goto(dashboard.url + "/api/queue")
        assert response is not None and response.status == 401
    finally:
        context.close()
