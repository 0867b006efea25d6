"""Screenshots of the officer dashboard for the README: `.venv/bin/python -m tools.dashboard_screenshots`.

Makes a throwaway database with a few invented reports (two of them linked by their car), starts
`python -m dashboard` on a free port as the tests do, signs in with Debian's Chromium and saves
docs/dashboard-login.png, -queue.png and -report.png (and -map.png, -trends.png when those pages
answer).
"""

from __future__ import annotations

import socket
import tempfile
from datetime import timedelta
from pathlib import Path

from servator.linking import LinkSettings, link_report
from servator.storage import ReportDraft, ensure_schema, make_session_factory, store_draft
from servator.storage.models import utcnow
from tests.support.browser import LAPTOP, chromium
from tests.support.dashboard import running_dashboard, sign_in

DOCS = Path(__file__).resolve().parent.parent / "docs"
REPORTS = [
    # (category, description, place, landmark, point, minutes ago, still happening, vehicle)
    ("surveillance", "A man filming the gate and the cameras on his phone, then writing in a notebook.",
     "outside the Russian embassy, Kensington Palace Gardens", "Kensington Palace Gardens",
     (51.5058, -0.1899), 12, True, "silver ford focus LK71 XRT"),
    ("surveillance", "Same silver car going past slowly twice; the passenger was filming the front.",
     "the American embassy at Nine Elms", "US Embassy", (51.4827, -0.1323), 95, False, "silver Ford LK71 XRT"),
    ("unattended_item", "A rucksack left under a bench by the ticket barriers for twenty minutes.",
     "King's Cross station, by the barriers", "King's Cross", (51.5308, -0.1238), 40, True, None),
    ("testing_security", "Someone kept trying the staff door and asking guards when shifts change.",
     "Westminster Abbey, north entrance", "Westminster Abbey", (51.4994, -0.1273), 300, False, None),
    ("other", "Drone hovering over the crowd near the gates.",
     "Buckingham Palace", "Buckingham Palace", (51.5014, -0.1419), 1500, False, None),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(database_url: str) -> list[str]:
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    references = []
    for number, (category, words, place, landmark, point, minutes, ongoing, vehicle) in enumerate(REPORTS):
        when = utcnow() - timedelta(minutes=minutes)
        draft = ReportDraft(
            submission_key=f"screenshot-{number}", category=category, description=words,
            location_text=place, location_landmark=landmark, latitude=point[0], longitude=point[1],
            occurred_text=f"{minutes} minutes ago", occurred_at=when, still_happening=ongoing,
            vehicle_registration=vehicle.split()[-2] + " " + vehicle.split()[-1] if vehicle else None,
            vehicle_text=vehicle, sender_hash=f"{number:032x}", channel="web", guidance_given="hotline",
        )
        reference, _ = store_draft(draft, sessions)
        with sessions() as session:
            link_report(session, reference, LinkSettings())
            session.commit()
        references.append(reference)
    sessions.kw["bind"].dispose()
    return references


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite:///{Path(folder) / 'screenshots.db'}"
        references = seed(database_url)
        with running_dashboard(database_url, free_port(), folder=Path(folder)) as dashboard, chromium() as browser:
            page = browser.new_context(viewport=LAPTOP).new_page()
            page.goto(f"{dashboard.url}/login")
            page.screenshot(path=str(DOCS / "dashboard-login.png"))
            sign_in(page, dashboard.url, dashboard.username, dashboard.password)
            page.get_by_role("heading", name="Triage queue").wait_for()
            page.screenshot(path=str(DOCS / "dashboard-queue.png"), full_page=True)
            page.goto(f"{dashboard.url}/reports/{references[1]}")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(DOCS / "dashboard-report.png"), full_page=True)
            for name in ("map", "trends"):
                response = page.goto(f"{dashboard.url}/{name}")
                if response is not None and response.status == 200:
                    page.wait_for_timeout(2000)
                    page.screenshot(path=str(DOCS / f"dashboard-{name}.png"), full_page=True)
                    print(f"docs/dashboard-{name}.png")
    print("docs/dashboard-login.png, docs/dashboard-queue.png, docs/dashboard-report.png")


if __name__ == "__main__":
    main()
