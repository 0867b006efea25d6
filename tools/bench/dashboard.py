"""The `dashboard` section of `make bench`, runnable alone: `python -m tools.bench.dashboard`.

100,000 reports are seeded as the linking benchmark does (tools/bench/linking_speed.populate: two years
of reports with their linking features), then the reports of the last LINKED_DAYS days are linked again
one by one with the production code (link_report, oldest first), so links and clusters are what linking
makes. The real dashboard (`python -m dashboard`) is started on that database, an officer signs in over
HTTP, and REQUESTS requests of each kind are timed one after another from this process (wall clock,
milliseconds): the queue page, a random report's page, the map data for the map's default view (the
last 30 days around central London), for every report (no date filter, all of London in view: the
server counts them in squares) and close up, and the trends page. Prints one JSON object
{"dashboard": …}. `BENCH_DASHBOARD_STORED` (default 100000) and `BENCH_DASHBOARD_REQUESTS` (300).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select, update

from tools.bench.json_out import print_section

ROOT = Path(__file__).resolve().parents[2]
STORED = int(os.environ.get("BENCH_DASHBOARD_STORED", "100000"))
REQUESTS = int(os.environ.get("BENCH_DASHBOARD_REQUESTS", "300"))
PORT = int(os.environ.get("BENCH_PORT_BASE", "25000")) + 190
LINKED_DAYS = 21
OFFICER, PASSWORD = "bench-officer", "bench-only-password-1"
LONDON_BOX = "-0.35,51.40,0.05,51.60"  # west,south,east,north: all of the seeded places
CLOSE_BOX = "-0.20,51.495,-0.17,51.51"  # about Kensington Palace Gardens, zoom 16


def link_recent(url: str, days: int = LINKED_DAYS) -> dict[str, Any]:
    """Link the reports of the last `days` days again, oldest first, as the linking worker does."""
    from servator.linking import LinkSettings, link_report
    from servator.linking.worker import linking_sessions
    from servator.storage.link_tables import LinkCluster, ReportFeatures, ReportLink
    from servator.storage.models import utcnow

    since = utcnow() - timedelta(days=days)
    sessions = linking_sessions(url)
    started = time.monotonic()
    try:
        with sessions() as session:
            session.execute(
                update(ReportFeatures).where(ReportFeatures.occurred_at >= since).values(linked_at=None)
            )
            session.commit()
            references = list(
                session.execute(
                    select(ReportFeatures.reference)
                    .where(ReportFeatures.occurred_at >= since)
                    .order_by(ReportFeatures.occurred_at)
                ).scalars()
            )
        settings = LinkSettings.from_env({})
        for reference in references:
            with sessions() as session:
                link_report(session, reference, settings)
                session.commit()
        with sessions() as session:
            links = session.query(ReportLink).count()
            clusters = session.query(LinkCluster).count()
    finally:
        sessions.kw["bind"].dispose()
    return {
        "relinked": len(references),
        "links": links,
        "clusters": clusters,
        "seconds": time.monotonic() - started,
    }


def start_dashboard(url: str, folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DASHBOARD_PORT": str(PORT),
        "SERVATOR_VAR_DIR": str(folder),
        "DASHBOARD_TILE_URL": "http://127.0.0.1:9/{z}/{x}/{y}.png",
    }
    subprocess.run(  # as an administrator makes the account
        [sys.executable, "-m", "servator.cli", "officers", "add", OFFICER, "--password-stdin"],
        input=PASSWORD.encode(),
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    child = subprocess.Popen([sys.executable, "-m", "dashboard"], env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{PORT}/login", timeout=2)
            return child
        except requests.ConnectionError:
            time.sleep(0.3)
    child.terminate()
    raise RuntimeError("the dashboard did not start")


def sign_in(base: str) -> requests.Session:
    client = requests.Session()
    page = client.get(f"{base}/login", timeout=10).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    form = {"username": OFFICER, "password": PASSWORD, "csrf_token": token.group(1) if token else ""}
    answer = client.post(f"{base}/login", data=form, timeout=10, allow_redirects=False)
    if answer.status_code not in (302, 303):
        raise RuntimeError(f"sign-in refused: HTTP {answer.status_code}")
    return client


def timed(client: requests.Session, urls: list[str]) -> dict[str, Any]:
    timings = []
    for url in urls:
        started = time.perf_counter()
        answer = client.get(url, timeout=30)
        answer.content  # noqa: B018 - the whole body, as a browser waits for it
        timings.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200 or answer.url != url:
            raise RuntimeError(f"{url}: HTTP {answer.status_code} at {answer.url}")
    timings.sort()
    return {
        "requests": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
        "max_ms": round(timings[-1], 1),
        "bytes": len(answer.content),
    }


def measure_served(url: str) -> dict[str, Any]:
    from servator.storage import Report, make_session_factory

    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    sessions = make_session_factory(url)
    with sessions() as session:
        references = list(session.execute(select(Report.reference)).scalars())
    sessions.kw["bind"].dispose()
    pick = random.Random(11)
    base = f"http://127.0.0.1:{PORT}"
    month_ago = (datetime.now(timezone.utc) - timedelta(days=29)).date().isoformat()
    child = start_dashboard(url, folder)
    try:
        client = sign_in(base)
        timed(client, [f"{base}/", f"{base}/map", f"{base}/api/map?bbox={LONDON_BOX}&zoom=11"])  # warm-up
        kinds = {
            "queue": [f"{base}/"] * REQUESTS,
            "report_page": [f"{base}/reports/{pick.choice(references)}" for _ in range(REQUESTS)],
            "map_default_view": [f"{base}/api/map?from={month_ago}&bbox={LONDON_BOX}&zoom=12"] * REQUESTS,
            "map_all_reports": [f"{base}/api/map?from=&bbox={LONDON_BOX}&zoom=11"] * REQUESTS,
            "map_close_up": [f"{base}/api/map?from=&bbox={CLOSE_BOX}&zoom=16"] * REQUESTS,
            "trends": [f"{base}/trends"] * max(20, REQUESTS // 10),
        }
        figures = {name: timed(client, urls) for name, urls in kinds.items()}
    finally:
        child.terminate()
        child.wait(20)
    return {**figures, "load_average_1min": round(os.getloadavg()[0], 2), "cores": os.cpu_count()}


def on(url: str | None, stored: int = STORED) -> dict[str, Any]:
    from tools.bench.linking_speed import populate

    if url is None:
        return {"unavailable": "no PostgreSQL"}
    seconds = populate(url, stored)
    linked = link_recent(url)
    return {
        "stored_reports": stored,
        "populate_s": round(seconds, 1),
        "relinked_last_days": LINKED_DAYS,
        "relinked": linked["relinked"],
        "links": linked["links"],
        "clusters": linked["clusters"],
        "relink_s": round(linked["seconds"], 1),
        **measure_served(url),
    }


def measure() -> dict[str, Any]:
    from tools.bench.linking_speed import postgres_database

    sqlite = on(f"sqlite:///{tempfile.mkdtemp(prefix='dashboard-bench-')}/bench.db")
    with postgres_database("servator_dashboard_bench") as url:
        postgresql = on(url)
    return {"sqlite": sqlite, "postgresql": postgresql}


def main() -> int:
    return print_section("dashboard", measure)


if __name__ == "__main__":
    sys.exit(main())
