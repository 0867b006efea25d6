"""Screenshots of the officer dashboard for the README: `python -m tools.dashboard_screenshots`.

The sign-in, queue and report pages: a throwaway database with a few invented reports (two linked
by their car), `python -m dashboard` on a free port as the tests start it -> docs/dashboard-login.png,
-queue.png and -report.png. The map and trends: STORED reports seeded as `make bench` does
(tools/bench/dashboard.py: two years of reports, the last weeks linked by the production code), the
browser reaching nothing but the dashboard, so the map is drawn without tiles, as on a machine
without internet -> docs/dashboard-map.png and -trends.png. Debian's Chromium throughout.
"""

from __future__ import annotations

import socket
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

STORED = 20_000
DOCS = Path(__file__).resolve().parents[1] / "docs"
REPORTS = [
    # (category, description, place, landmark, point, minutes ago, still happening, vehicle)
    (
        "surveillance",
        "A man filming the gate and the cameras on his phone, then writing in a notebook.",
        "outside the Russian embassy, Kensington Palace Gardens",
        "Kensington Palace Gardens",
        (51.5058, -0.1899),
        12,
        True,
        "silver ford focus LK71 XRT",
    ),
    (
        "surveillance",
        "Same silver car going past slowly twice; the passenger was filming the front.",
        "the American embassy at Nine Elms",
        "US Embassy",
        (51.4827, -0.1323),
        95,
        False,
        "silver Ford LK71 XRT",
    ),
    (
        "unattended_item",
        "A rucksack left under a bench by the ticket barriers for twenty minutes.",
        "King's Cross station, by the barriers",
        "King's Cross",
        (51.5308, -0.1238),
        40,
        True,
        None,
    ),
    (
        "testing_security",
        "Someone kept trying the staff door and asking guards when shifts change.",
        "Westminster Abbey, north entrance",
        "Westminster Abbey",
        (51.4994, -0.1273),
        300,
        False,
        None,
    ),
    (
        "other",
        "Drone hovering over the crowd near the gates.",
        "Buckingham Palace",
        "Buckingham Palace",
        (51.5014, -0.1419),
        1500,
        False,
        None,
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(database_url: str) -> list[str]:
    """The invented REPORTS, stored and linked as in production; their references."""
    from servator.linking import LinkSettings, link_report
    from servator.storage import ReportDraft, ensure_schema, make_session_factory, store_draft
    from servator.storage.models import utcnow

    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    references = []
    for number, (category, words, place, landmark, point, minutes, ongoing, vehicle) in enumerate(REPORTS):
        draft = ReportDraft(
            submission_key=f"screenshot-{number}",
            category=category,
            description=words,
            location_text=place,
            location_landmark=landmark,
            latitude=point[0],
            longitude=point[1],
            occurred_text=f"{minutes} minutes ago",
            occurred_at=utcnow() - timedelta(minutes=minutes),
            still_happening=ongoing,
            vehicle_registration=" ".join(vehicle.split()[-2:]) if vehicle else None,
            vehicle_text=vehicle,
            sender_hash=f"{number:032x}",
            channel="web",
            guidance_given="hotline",
        )
        reference, _ = store_draft(draft, sessions)
        with sessions() as session:
            link_report(session, reference, LinkSettings())
            session.commit()
        references.append(reference)
    sessions.kw["bind"].dispose()
    return references


def core_pages() -> None:
    from tests.support.browser import LAPTOP, chromium
    from tests.support.dashboard import running_dashboard, sign_in

    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite:///{Path(folder) / 'screenshots.db'}"
        references = seed(database_url)
        with (
            running_dashboard(database_url, free_port(), folder=Path(folder)) as dashboard,
            chromium() as browser,
        ):
            page = browser.new_context(viewport=LAPTOP).new_page()
            page.goto(f"{dashboard.url}/login")
            page.screenshot(path=str(DOCS / "dashboard-login.png"))
            sign_in(page, dashboard.url, dashboard.username, dashboard.password)
            page.get_by_role("heading", name="Triage queue").wait_for()
            page.screenshot(path=str(DOCS / "dashboard-queue.png"), full_page=True)
            page.goto(f"{dashboard.url}/reports/{references[1]}")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(DOCS / "dashboard-report.png"), full_page=True)
    print("saved docs/dashboard-login.png, docs/dashboard-queue.png and docs/dashboard-report.png")


def map_and_trends() -> None:
    from tests.support.browser import LAPTOP, chromium
    from tools.bench import dashboard as bench
    from tools.bench.linking_speed import populate

    folder = Path(tempfile.mkdtemp(prefix="dashboard-screenshots-"))
    url = f"sqlite:///{folder / 'screens.db'}"
    populate(url, STORED)
    bench.link_recent(url)
    child = bench.start_dashboard(url, folder)
    base = f"http://127.0.0.1:{bench.PORT}"
    try:
        with chromium() as browser:
            context = browser.new_context(viewport=LAPTOP)
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(base + "/")
                    else route.abort("internetdisconnected")
                ),
            )
            page = context.new_page()
            page.goto(base + "/login")
            page.get_by_label("Username").fill(bench.OFFICER)
            page.get_by_label("Password").fill(bench.PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(base + "/")
            page.goto(base + "/map")
            page.wait_for_selector("#map[data-loaded]")
            page.screenshot(path=str(DOCS / "dashboard-map.png"), full_page=True)
            page.goto(base + "/trends")
            page.wait_for_selector("#trends-chart[data-drawn]")
            page.screenshot(path=str(DOCS / "dashboard-trends.png"))
    finally:
        child.terminate()
        child.wait(20)
    print(f"saved {DOCS / 'dashboard-map.png'} and {DOCS / 'dashboard-trends.png'}")


def main() -> int:
    from servator.rasa_runtime.training import use_rasa_process_env

    use_rasa_process_env()
    core_pages()
    map_and_trends()
    return 0


if __name__ == "__main__":
    sys.exit(main())
