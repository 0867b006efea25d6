"""The map and the trends page in a real headless Chromium (Debian's, through Playwright), served by
`python -m dashboard` over HTTP, signed in through the sign-in form; and axe-core on every page.

The map runs with no tiles, as on a machine without internet: DASHBOARD_TILE_URL points at a closed
port and the browser refuses every request that leaves the dashboard, so only what the dashboard
itself draws is there.
"""

from __future__ import annotations

import json
import re
import socket
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from reading.london import LONDON
from servator.storage import AuditEntry, Report, category_label, ensure_schema, make_session_factory
from tests.support.axe import usable_on
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.dashboard import Dashboard, running_dashboard, signed_in_page
from tests.support.linking_helpers import draft, store, store_and_link
from tests.support.ports import dashboard_port

pytestmark = pytest.mark.browser
RUSSIA = "Embassy of Russia"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(database_url: str) -> dict[str, object]:
    """Three linked reports at the Russian embassy, a shared point, one with no place, one urgent at
    the French embassy, received over the last ten days; one more received 40 days ago."""
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    now = datetime.now(timezone.utc)
    linked = [
        store_and_link(sessions, draft(location_text=RUSSIA, category="surveillance"))[0] for _ in range(3)
    ]
    shared = store(sessions, draft(latitude=51.52, longitude=-0.10, location_text="shared location"))
    nowhere = store(sessions, draft(location_text="somewhere I cannot name", category="testing_security"))
    old = store(sessions, draft(location_landmark="Embassy of Germany", category="testing_security"))
    urgent, _ = store_and_link(
        sessions, draft(location_landmark="Embassy of France", still_happening=True, category="surveillance")
    )
    received = {
        linked[0]: now - timedelta(days=1, hours=1),
        linked[1]: now - timedelta(days=2),
        linked[2]: now - timedelta(days=2, hours=3),
        shared: now - timedelta(days=5),
        nowhere: now - timedelta(days=10),
        old: now - timedelta(days=40),
        urgent: now - timedelta(minutes=5),
    }
    with sessions() as session:
        for reference, at in received.items():
            session.execute(update(Report).where(Report.reference == reference).values(created_at=at))
        session.commit()
        stored = session.execute(select(Report.created_at, Report.category)).all()
    sessions.kw["bind"].dispose()
    per_day = Counter((at.astimezone(LONDON).date().isoformat(), category) for at, category in stored)
    return {"linked": linked, "shared": shared, "urgent": urgent, "per_day": per_day, "received": received}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dashboard, dict[str, object]]]:
    folder = tmp_path_factory.mktemp("dashboard-map")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    seeded = seed(database_url)
    tiles = {"DASHBOARD_TILE_URL": f"http://127.0.0.1:{closed_port()}/{{z}}/{{x}}/{{y}}.png"}
    with running_dashboard(database_url, dashboard_port(offset=5), env=tiles, folder=folder) as dashboard:
        yield dashboard, seeded


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_map_shows_markers_clusters_and_places_without_tiles(served, browser, viewport):
    dashboard, seeded = served
    context, page = signed_in_page(browser, dashboard, viewport)
    try:
        page.goto(dashboard.url + "/map")
        page.wait_for_selector("#map[data-loaded]")
        status = page.locator("#map-status").inner_text()
        # Six reports in the last 30 days (one is older), five with a place: the embassies and a shared point.
        assert (
            status
            == "Reports matching the filter: 6. With a place in this view: 5. Linked-report clusters: 1."
        )
        assert page.locator("img.leaflet-tile-loaded").count() == 0
        # The three linked reports at one point are grouped by the marker clustering, with their count.
        grouped = page.locator(".marker-cluster")
        assert grouped.count() == 1 and grouped.inner_text().strip() == "3"
        singles = page.locator(".leaflet-marker-icon.report-marker")
        assert singles.count() == 2 and page.locator(".report-marker.urgent").count() == 1
        assert page.locator(".place-label", has_text=RUSSIA).is_visible()
        assert page.locator(".place-label", has_text="Embassy of France").is_visible()
        assert page.locator("path.cluster-ring").count() == 1
        clusters = page.locator("#map-clusters li")
        assert clusters.count() == 1 and "3 reports on the map" in clusters.inner_text()
        usable_on(page, viewport)

        # Keyboard: a report marker takes focus and Enter opens its popup with a link to the report.
        page.locator(f'.report-marker[title^="{seeded["shared"]}"]').focus()
        page.keyboard.press("Enter")
        link = page.locator(".leaflet-popup a", has_text=str(seeded["shared"]))
        assert link.is_visible() and link.get_attribute("href") == f"/reports/{seeded['shared']}"

        # The date filter: from 36 hours ago only the urgent report and one linked one remain.
        since = (datetime.now(timezone.utc) - timedelta(hours=36)).astimezone(LONDON).date()
        page.get_by_label("From (date)").fill(since.isoformat())
        loaded = page.locator("#map").get_attribute("data-loaded")
        page.get_by_role("button", name="Show").click()
        page.wait_for_function(
            "(before) => document.querySelector('#map').dataset.loaded !== before", arg=loaded
        )
        midnight = datetime.combine(since, datetime.min.time(), LONDON)
        received: dict[str, datetime] = seeded["received"]  # type: ignore[assignment]
        wanted = sum(1 for at in received.values() if at >= midnight)
        assert 2 <= wanted < 5
        status = page.locator("#map-status").inner_text()
        assert f"Reports matching the filter: {wanted}. With a place in this view: {wanted}." in status
        assert f"from={since.isoformat()}" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_trends_chart_and_table_give_the_stored_numbers(served, browser, viewport):
    dashboard, seeded = served
    context, page = signed_in_page(browser, dashboard, viewport)
    try:
        page.goto(dashboard.url + "/trends")
        page.wait_for_selector("#trends-chart[data-drawn]")
        assert page.locator("#trends-chart canvas").count() >= 1
        per_day: Counter[tuple[str, str]] = seeded["per_day"]  # type: ignore[assignment]
        assert page.locator("#trends-chart").get_attribute("data-drawn") == str(sum(per_day.values()))
        headers = page.locator("#trends-table thead th").all_inner_texts()
        categories = sorted({category for _, category in per_day})
        assert headers == ["Day", *(category_label(category) for category in categories), "All"]
        table = page.evaluate(
            """() => [...document.querySelectorAll('#trends-table tbody tr')].map((row) => [
                row.querySelector('time').getAttribute('datetime'),
                ...[...row.children].slice(1).map((cell) => cell.textContent.trim())])"""
        )
        assert len(table) == 90
        days = page.locator("#trends-table tbody th").all_inner_texts()
        assert all(re.fullmatch(r"[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}", day) for day in days), days[:3]
        # The chart: UK dates on its axis, whole numbers of reports, each category its own colour and dash.
        chart = page.locator("#trends-chart")
        day_labels = chart.get_attribute("data-day-labels").split("|")
        assert day_labels and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2,3}", label) for label in day_labels), (
            day_labels
        )
        counts = [label for label in chart.get_attribute("data-count-labels").split("|") if label]
        assert counts and all(label.isdigit() for label in counts), counts
        styles = chart.get_attribute("data-styles").split("|")
        colours, dashes = (
            {style.split(" ")[0] for style in styles},
            {style.split(" ")[-1] for style in styles},
        )
        assert len(styles) == len(categories) == len(colours) == len(dashes), styles
        total = sum(per_day.values())
        assert f"{total} report{'' if total == 1 else 's'} in all" in page.locator("main").inner_text()
        shown = Counter(
            {
                (row[0], category): int(count)
                for row in table
                for category, count in zip(categories, row[1:-1])
            }
        )
        assert +shown == per_day
        assert all(int(row[-1]) == sum(int(cell) for cell in row[1:-1]) for row in table)
        assert page.locator("#top-places li").first.inner_text() == f"{RUSSIA}: 3 reports"
        assert "Embassy of France: 1 report" in page.locator("#top-places").all_inner_texts()[0].splitlines()
        assert re.search(r"\b1 reports\b", page.locator("main").inner_text()) is None, "plurals"
        top_cluster = page.locator("#top-clusters li").first
        assert "3 reports in this time" in top_cluster.inner_text()
        assert top_cluster.locator("a").inner_text() in seeded["linked"]  # type: ignore[operator]
        usable_on(page, viewport)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_sign_in_queue_and_report_pages_have_no_accessibility_violations(served, browser, viewport):
    dashboard, seeded = served
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(dashboard.url + "/login")
        usable_on(page, viewport)
        context.close()
        context, page = signed_in_page(browser, dashboard, viewport)
        usable_on(page, viewport)  # the queue
        page.goto(f"{dashboard.url}/reports/{seeded['shared']}")
        # The small map: the shared point and its label, without tiles.
        page.wait_for_selector("#report-map[data-loaded]")
        assert page.locator("#report-map .report-marker").count() == 1
        assert str(seeded["shared"]) in page.locator("#report-map .place-label").inner_text()
        usable_on(page, viewport)
    finally:
        context.close()


def test_map_and_trends_data_over_http_are_audited_and_never_fail_on_odd_queries(served):
    dashboard, seeded = served
    officer = dashboard.signed_in()
    status, body = officer.get("/api/map?from=&bbox=-0.3,51.4,0.0,51.6&zoom=12")
    data = json.loads(body)
    assert status == 200 and data["type"] == "FeatureCollection" and data["matching"] == 7
    located = {f["properties"]["reference"] for f in data["features"] if f["properties"]["kind"] == "report"}
    assert seeded["shared"] in located and seeded["urgent"] in located
    for query in (
        "bbox=nan,nan,nan,nan&zoom=99999999999999999999",
        "bbox=1,2&zoom=-4&from=yesterday&to=2026-13-45&status=%3Cscript%3E",
        "bbox=" + "9" * 400 + ",1,2,3&category=" + "x" * 500,
    ):
        status, body = officer.get("/api/map?" + query)
        assert status == 200 and json.loads(body)["type"] == "FeatureCollection", query
    status, body = officer.get("/api/trends?status=nonsense")
    assert status == 200 and len(json.loads(body)["days"]) == 90
    officer.get("/map?from=2026-01-01")
    officer.get("/trends")
    sessions = make_session_factory(dashboard.database_url)
    with sessions() as session:
        views = session.execute(
            select(AuditEntry.action, AuditEntry.detail).where(
                AuditEntry.actor == f"officer:{dashboard.username}"
            )
        ).all()
    sessions.kw["bind"].dispose()
    assert ("view_map", "status=all; from=2026-01-01") in views
    assert any(action == "view_trends" for action, _ in views)
