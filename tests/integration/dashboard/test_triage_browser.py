"""Triage in the officer dashboard, in Chromium on a laptop (1280×800) and a phone (390×844), served by
`python -m dashboard` over its own SQLite file and signed in through the form: plain English, the
description snippet and both times, sorting, search, assigning, closing (asked first, said, undone),
notes in their own section, printing, and the three exports against the map's own points. axe-core
finds no violation on any page.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, update

from servator.storage import AuditEntry, Report, ensure_schema, make_session_factory
from tests.support.axe import usable_on
from tests.support.browser import LAPTOP, PHONE, chromium
from tests.support.dashboard import Dashboard, running_dashboard, signed_in_page
from tests.support.linking_helpers import draft, store, store_and_link
from tests.support.ports import dashboard_port

pytestmark = pytest.mark.browser
VIEWPORTS = [pytest.param(LAPTOP, id="laptop"), pytest.param(PHONE, id="phone")]
# Codes the tables store that must never reach an officer's screen as they are.
CODES = re.compile(
    r"\b(?:testing_security|unattended_item|eliciting_information|notify=\d|hotline,railway|view_report|999,hotline)\b"
)
NOW = datetime.now(timezone.utc)


def seed(database_url: str) -> dict[str, str]:
    """Reports to triage: an escalated one on the railway, an urgent bag, one seen at an unknown time, one
    at a named place (the gazetteer's point), one at a shared location, and one with no place at all."""
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    made = {
        "escalated": store(
            sessions,
            draft(
                category="testing_security",
                description="Two people tried the side door twice, pushed the gate, then walked off laughing "
                "towards the station when a guard came out to ask what they wanted.",
                location_text="the side gate of the Embassy of Germany",
                location_landmark="Embassy of Germany",
                guidance_given="hotline,railway",
                occurred_at=NOW - timedelta(days=2),
                vehicle_registration="LB07 SEO",
                vehicle_text="blue vauxhall astra LB07 SEO",
            ),
        ),
        "urgent": store(
            sessions,
            draft(
                category="unattended_item",
                description="A black holdall under the bench by the bus stop, nobody with it.",
                location_text="Grosvenor Square",
                still_happening=True,
                occurred_at=NOW - timedelta(hours=1),
            ),
        ),
        "unknown_time": store(
            sessions,
            draft(
                category="other",
                description="A drone over the back garden.",
                occurred_at=None,
                occurred_text="last week",
            ),
        ),
        "place": store_and_link(
            sessions, draft(location_landmark="Embassy of France", occurred_at=NOW - timedelta(days=5))
        )[0],
        "shared": store_and_link(
            sessions, draft(latitude=51.52, longitude=-0.10, location_text="shared location", occurred_at=NOW)
        )[0],
    }
    received = {"escalated": 3, "urgent": 2, "unknown_time": 4, "place": 6, "shared": 1}
    with sessions() as session:
        for name, days_ago in received.items():
            values = {"created_at": NOW - timedelta(days=days_ago)}
            if name == "escalated":
                values["status"] = "escalated"
            session.execute(update(Report).where(Report.reference == made[name]).values(**values))
        session.commit()
    sessions.kw["bind"].dispose()
    return made


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dashboard, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("dashboard-triage")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    seeded = seed(database_url)
    with running_dashboard(database_url, dashboard_port(offset=7), folder=folder) as dashboard:
        yield dashboard, seeded


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(served, browser, viewport):
    """A page signed in (through the form, after axe-core checked it) on the test's screen size."""
    context = browser.new_context(viewport=viewport)
    login = context.new_page()
    login.goto(served[0].url + "/login")
    usable_on(login, viewport)
    context.close()
    context, signed_in = signed_in_page(browser, served[0], viewport)
    yield signed_in
    context.close()


def row(page, reference: str):
    return page.locator(f"#queue-rows tr[data-reference='{reference}']")


def stored(dashboard: Dashboard, reference: str) -> tuple[str, str | None, list[tuple[str, str | None]]]:
    sessions = make_session_factory(dashboard.database_url)
    try:
        with sessions() as session:
            status, assigned = session.execute(
                select(Report.status, Report.assigned_to).where(Report.reference == reference)
            ).one()
            trail = session.execute(
                select(AuditEntry.action, AuditEntry.detail)
                .where(AuditEntry.reference == reference, AuditEntry.actor == f"officer:{dashboard.username}")
                .order_by(AuditEntry.id)
            ).all()
        return status, assigned, [tuple(entry) for entry in trail]
    finally:
        sessions.kw["bind"].dispose()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_queue_in_plain_english_with_snippets_both_times_and_escalated_rows_apart(served, page, viewport):
    dashboard, seeded = served
    escalated, urgent = row(page, seeded["escalated"]), row(page, seeded["urgent"])
    text = page.locator("main").inner_text()
    assert CODES.search(text) is None, CODES.search(text)
    assert "Testing security" in escalated.inner_text() and "Unattended item" in urgent.inner_text()
    snippet = escalated.locator("td.snippet").inner_text()
    assert (
        snippet.startswith("Two people tried the side door") and snippet.endswith("…") and len(snippet) <= 141
    )
    seen, reported = escalated.locator("td.when").all_inner_texts()
    assert seen[:2].isdigit() and reported[:2].isdigit() and seen != reported, (seen, reported)
    assert "“last week”" in row(page, seeded["unknown_time"]).locator("td.when").first.inner_text()
    assert "Escalated" in escalated.locator("td.status").inner_text()
    backgrounds = [
        r.locator("td").nth(1).evaluate("c => getComputedStyle(c).backgroundColor")
        for r in (escalated, urgent)
    ]
    assert backgrounds[0] != backgrounds[1], "an escalated row looks like a new one"
    assert "Still happening" in urgent.inner_text()
    usable_on(page, viewport)

    page.goto(f"{dashboard.url}/reports/{seeded['escalated']}")
    details = page.locator("dl.fields").inner_text()
    assert "The assistant (web chat or Telegram)" in details
    assert "The Anti-Terrorist Hotline and British Transport Police (on the railway)" in details
    audit = page.locator("#report-audit").inner_text()
    assert "Report received" in audit and "No officer chat is set up to be alerted" in audit
    assert CODES.search(page.locator("main").inner_text()) is None
    usable_on(page, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_sorting_by_when_seen_and_when_reported_keeps_the_filter(served, page, viewport):
    dashboard, seeded = served
    page.goto(dashboard.url + "/?status=all")
    order = lambda: page.locator("#queue-rows tr[data-reference]").evaluate_all(  # noqa: E731
        "rows => rows.map(r => r.dataset.reference)"
    )
    page.get_by_role("link", name=re.compile("^Seen")).click()
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("Seen")
    by_seen = order()
    assert by_seen[:3] == [seeded["shared"], seeded["urgent"], seeded["escalated"]]
    assert by_seen[-1] == seeded["unknown_time"], "a time not worked out goes last"
    assert "status=all" in page.url and "sort=seen" in page.url
    page.get_by_role("link", name=re.compile("^Seen")).click()
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Seen")
    assert order()[0] == seeded["place"] and order()[-1] == seeded["unknown_time"]
    page.get_by_role("link", name=re.compile("^Reported")).click()
    assert order()[:2] == [seeded["shared"], seeded["urgent"]] and order()[-1] == seeded["place"]
    assert page.get_by_label("Status").input_value() == "all"
    usable_on(page, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_by_reference_registration_place_or_words_keeps_the_filters(served, page, viewport):
    dashboard, seeded = served
    page.goto(dashboard.url + "/?status=all&category=testing_security")
    search = page.get_by_role("searchbox", name="Search")
    for words in ("lb07seo", "LB07 SEO", seeded["escalated"].lower(), "side door", "Germany"):
        search.fill(words)
        with page.expect_navigation():
            page.get_by_role("button", name="Search").click()
        shown = page.locator("#queue-rows tr[data-reference]").evaluate_all(
            "rows => rows.map(r => r.dataset.reference)"
        )
        assert shown == [seeded["escalated"]], (words, shown)
        assert page.get_by_label("Status").input_value() == "all"
        assert page.get_by_label("Category").input_value() == "testing_security", "the filter was kept"
        assert "q=" in page.get_by_role("link", name="CSV").get_attribute("href"), "exports keep the search"
    search.fill("holdall")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert "No reports match “holdall”" in page.locator("#queue-rows").inner_text(), (
        "the category still applies"
    )
    assert page.locator("#queue-count").inner_text() == "0 reports matching “holdall”."
    usable_on(page, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_assign_to_me_then_unassign(served, page, viewport):
    dashboard, seeded = served
    reference = seeded["urgent"]
    row(page, reference).get_by_role("button", name=f"Assign to me: {reference}").click()
    expect(page.locator("#change-notice")).to_contain_text(f"Report {reference} is assigned to you.")
    assert row(page, reference).locator("td.assigned .assignee").inner_text() == dashboard.username
    assert stored(dashboard, reference)[1] == dashboard.username
    page.get_by_label("Assigned to").select_option("me")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert page.locator("#queue-rows tr[data-reference]").count() == 1
    row(page, reference).get_by_role("button", name=f"Unassign: {reference}").click()
    expect(page.locator("#change-notice")).to_contain_text("no longer assigned to anyone")
    assert stored(dashboard, reference)[1] is None
    trail = stored(dashboard, reference)[2]
    assert ("assign", f"assigned to {dashboard.username}") in trail
    assert ("assign", f"unassigned (was {dashboard.username})") in trail
    usable_on(page, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_close_asks_first_says_what_happened_and_can_be_undone(served, page, viewport):
    dashboard, seeded = served
    reference = seeded["place"]
    row(page, reference).get_by_role("button", name=f"Close: {reference}").click()
    page.get_by_role("heading", name=f"Close report {reference}?").wait_for()
    usable_on(page, viewport)
    page.get_by_role("link", name="No, keep it open").click()
    page.get_by_role("heading", name="Triage queue").wait_for()
    assert stored(dashboard, reference)[0] == "new", "nothing changed without a yes"

    row(page, reference).get_by_label(f"Note for {reference}").fill("seen by the embassy: a tourist")
    row(page, reference).get_by_role("button", name=f"Close: {reference}").click()
    assert page.get_by_label("Note (optional)").input_value() == "seen by the embassy: a tourist"
    page.get_by_role("button", name=f"Yes, close {reference}").click()
    notice = page.locator("#change-notice")
    expect(notice).to_contain_text(f"Report {reference} closed (it was new).")
    assert row(page, reference).count() == 0 and stored(dashboard, reference)[0] == "closed"
    usable_on(page, viewport)
    notice.get_by_role("button", name="Undo").click()
    expect(page.locator("#change-notice")).to_contain_text(
        f"Report {reference} reopened as new (it was closed)."
    )
    assert row(page, reference).count() == 1 and stored(dashboard, reference)[0] == "new"
    details = [detail for action, detail in stored(dashboard, reference)[2] if action == "status"]
    assert details[-2:] == ["status new -> closed; note added", "status closed -> new"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_notes_have_their_own_section_and_a_report_prints_without_navigation_or_buttons(
    served, page, viewport
):
    dashboard, seeded = served
    reference = seeded["escalated"]
    page.goto(f"{dashboard.url}/reports/{reference}")
    note = f"called the embassy's security manager ({viewport['width']})"
    page.get_by_label("Add a note").fill(note)
    page.get_by_role("button", name="Save note").click()
    expect(page.locator("#change-notice")).to_contain_text(f"Your note on report {reference} is saved.")
    notes = page.locator("#report-notes")
    assert note in notes.inner_text() and dashboard.username in notes.inner_text()
    audit = page.locator("#report-audit").inner_text()
    assert "Note added" in audit and note not in audit, "the note's words are not in the audit trail"
    usable_on(page, viewport)

    page.emulate_media(media="print")
    for hidden in ("nav", ".sign-out", "form", "button", ".skip-link"):
        assert all(
            not shown
            for shown in page.locator(hidden).evaluate_all("els => els.map(e => e.offsetParent !== null)")
        ), hidden
    for shown in ("#report-description", "dl.fields", "#report-notes", "#report-audit", "h1"):
        assert page.locator(shown).is_visible(), shown
    assert page.get_by_role("heading", name="Photos").is_visible()
    assert page.get_by_role("heading", name="Linked reports").is_visible()
    assert note in page.locator("#report-notes").inner_text()
    page.emulate_media(media="screen")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_three_exports_carry_the_points_the_map_plots(served, page, viewport):
    dashboard, seeded = served
    query = "status=all&from=2000-01-01"
    data = page.evaluate(
        "async (q) => (await fetch('/api/map?' + q + '&bbox=-180,-90,180,90&zoom=18')).json()", query
    )
    plotted = {
        f["properties"]["reference"]: f["geometry"]["coordinates"]
        for f in data["features"]
        if f["properties"]["kind"] == "report"
    }
    assert {seeded["place"], seeded["shared"]} <= set(plotted), plotted
    assert seeded["unknown_time"] not in plotted, "a report with no place has no point"

    def download(kind: str) -> str:
        with page.expect_download() as got:
            page.evaluate(
                "(href) => { const a = document.createElement('a'); a.href = href; a.download = ''; "
                "document.body.appendChild(a); a.click(); a.remove(); }",
                f"/export.{kind}?{query}",
            )
        return Path(got.value.path()).read_text(encoding="utf-8")

    features = {f["id"]: f for f in json.loads(download("geojson"))["features"]}
    rows = {r["reference"]: r for r in csv.DictReader(io.StringIO(download("csv")))}
    objects = {r["reference"]: r for r in json.loads(download("json"))}
    assert set(features) == set(rows) == set(objects) == set(seeded.values())
    for reference in seeded.values():
        point = plotted.get(reference)
        feature, row_, item = features[reference], rows[reference], objects[reference]
        if point is None:
            assert feature["geometry"] is None and row_["latitude"] == row_["longitude"] == ""
            assert item["latitude"] is None and item["point_source"] is None
            continue
        assert feature["geometry"]["type"] == "Point"
        assert feature["geometry"]["coordinates"] == pytest.approx(point, abs=1e-6), "[lon, lat] as the map"
        assert [float(row_["longitude"]), float(row_["latitude"])] == pytest.approx(point, abs=1e-6)
        assert [item["longitude"], item["latitude"]] == pytest.approx(point, abs=1e-6)
    assert objects[seeded["shared"]]["point_source"] == "shared location"
    assert objects[seeded["place"]]["point_source"] == "named place"
