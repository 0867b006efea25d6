"""Screenshots of the dashboard's map and trends pages for the docs: `python -m tools.dashboard_screenshots`.

Seeds STORED reports as `make bench` does (tools/bench/dashboard.py: two years of reports, the last
weeks linked by the production code), serves the real dashboard on them, signs in and saves
docs/dashboard-map.png and docs/dashboard-trends.png from Debian's Chromium. The browser may reach
nothing but the dashboard, so the map is drawn without tiles, as on a machine without internet.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

STORED = 20_000
DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> int:
    from servator.training import use_rasa_process_env

    use_rasa_process_env()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
