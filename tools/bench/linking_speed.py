"""How long linking one new report takes against 100,000 stored reports, on SQLite and PostgreSQL.

The 100,000 are generated (fixed seed), spread over two years up to now, at gazetteer places (70 %),
shared points across central London (15 %) or places the gazetteer does not know (15 %), a third of
them with a car; their features are computed by the same code as in production and bulk-inserted
as already linked, then the planner statistics are refreshed (VACUUM ANALYZE on PostgreSQL, as
autovacuum does on a live database after so many new rows; ANALYZE on SQLite). Then NEW_REPORTS fresh reports from the last three days are stored one by one
and each is linked (link_report + commit, timed); the figures are milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import create_engine, text

STORED = 100_000
NEW_REPORTS = 300
BATCH = 5_000
POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/test"


def bench_reference(index: int, day: Any) -> str:
    """A reference in the product's form (SRV-YYYYMMDD-XXXXXX), its six letters unique to `index`."""
    from reading.references import REFERENCE_ALPHABET

    letters = ""
    for _ in range(6):
        index, digit = divmod(index, len(REFERENCE_ALPHABET))
        letters = REFERENCE_ALPHABET[digit] + letters
    return f"SRV-{day:%Y%m%d}-{letters}"


def _report_values(generator: Any, index: int, now: Any, days: float) -> dict[str, Any]:
    from reading.form.grammar import CATEGORIES
    from reading.places import places

    random = generator.random
    named = [place for place in places() if place.point]
    category = random.choice(CATEGORIES)
    scenario = random.choice(list(generator.texts["scenarios"]))
    description = (
        generator.scenario_text(scenario, random.randrange(4))["description"]
        if random.random() < 0.4
        else generator.background_text(random.choice(list(generator.texts["background"])))
    )
    roll, landmark, lat, lon = random.random(), None, None, None
    location: str | None = None
    if roll < 0.7:
        place = random.choice(named)
        landmark = location = place.name
    elif roll < 0.85:
        lat, lon, location = (
            51.49 + random.uniform(0, 0.045),
            -0.21 + random.uniform(0, 0.13),
            "shared location",
        )
    else:
        location = random.choice(generator.texts["unknown_places"])["text"]
    plate = generator.plate() if random.random() < 0.33 else None
    occurred = now - timedelta(days=random.uniform(0, days))
    return {
        "reference": bench_reference(index, occurred),
        "submission_key": f"bench-{index}-{uuid.uuid4().hex[:8]}",
        "status": "new",
        "created_at": occurred,
        "updated_at": occurred,
        "category": category,
        "description": description,
        "location_text": location,
        "location_postcode": None,
        "location_landmark": landmark,
        "latitude": lat,
        "longitude": lon,
        "occurred_text": "bench",
        "occurred_at": occurred,
        "still_happening": random.random() < 0.1,
        "people_description": random.choice(generator.texts["background_people"]),
        "vehicle_registration": plate,
        "vehicle_text": f"car {plate}" if plate else None,
        "direction": None,
        "contact_consent": False,
        "contact_phone": None,
        "contact_email": None,
        "sender_hash": "b" * 32,
        "channel": "bench",
        "guidance_given": "hotline",
        "attachments": [],
    }


def populate(url: str, count: int = STORED, seed: int = 7) -> float:
    """Insert `count` reports and their (already linked) features; returns the seconds it took."""
    from servator.linking.features import many_feature_values, plate_key_rows
    from servator.storage import PlateKey, Report, ReportFeatures, ensure_schema
    from servator.storage.engine import create_storage_engine
    from servator.storage.models import utcnow
    from tools.linking_eval_generator import Generator

    started = time.monotonic()
    ensure_schema(url)
    engine = create_storage_engine(url)
    generator, now = Generator(seed), utcnow()
    try:
        for first in range(0, count, BATCH):
            rows = [
                _report_values(generator, index, now, 730)
                for index in range(first, min(count, first + BATCH))
            ]
            with engine.begin() as connection:
                connection.execute(Report.__table__.insert(), rows)
                id_of = {
                    reference: report_id
                    for reference, report_id in connection.execute(
                        Report.__table__.select()
                        .with_only_columns(Report.reference, Report.id)
                        .where(Report.reference.in_([row["reference"] for row in rows]))
                    )
                }
                reports = [Report(id=id_of[row["reference"]], **row) for row in rows]
                features = many_feature_values(reports, now)
                connection.execute(
                    ReportFeatures.__table__.insert(),
                    [
                        {**values, "report_id": report.id, "linked_at": now, "link_attempts": 0}
                        for report, values in zip(reports, features)
                    ],
                )
                keys = [
                    row
                    for report, values in zip(reports, features)
                    for row in plate_key_rows(report.id, values)
                ]
                if keys:
                    connection.execute(PlateKey.__table__.insert(), keys)
        # What autovacuum (PostgreSQL) does on a live database after this many new rows: fresh planner
        # statistics and the visibility map index-only scans rely on. SQLite: ANALYZE's statistics.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE")
    finally:
        engine.dispose()
    return time.monotonic() - started


def time_linking(url: str, count: int = NEW_REPORTS, seed: int = 8) -> dict[str, Any]:
    """Store `count` new reports one by one and time linking each (link_report and its commit)."""
    from servator.linking import LinkSettings, link_report
    from servator.linking.worker import linking_sessions
    from servator.storage import ReportDraft, make_session_factory, store_draft
    from servator.storage.models import utcnow
    from tools.linking_eval_generator import Generator

    sessions, linking = make_session_factory(url), linking_sessions(url)
    generator, settings = Generator(seed), LinkSettings.from_env({})
    timings, cpu, linked = [], [], 0
    try:
        for index in range(count):
            values = _report_values(generator, STORED + index, utcnow(), 3)
            draft = ReportDraft(
                **{key: value for key, value in values.items() if key in ReportDraft.__dataclass_fields__}
            )
            reference, _ = store_draft(draft, sessions)
            with linking() as session:  # as the linking worker does (servator.linking.worker)
                started, started_cpu = time.perf_counter(), time.thread_time()
                links = link_report(session, reference, settings)
                session.commit()
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - started_cpu) * 1000)
            linked += bool(links)
    finally:
        sessions.kw["bind"].dispose()
        linking.kw["bind"].dispose()
    timings.sort()
    cpu.sort()
    return {
        "new_reports": count,
        "linked_to_something": linked,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
        "max_ms": round(timings[-1], 2),
        "mean_ms": round(statistics.fmean(timings), 2),
        # This process's own CPU time (the database server's work on PostgreSQL is not in it), and the
        # machine's load: on a shared machine the wall-clock figures above include waiting for a core.
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(cpu[int(0.95 * (len(cpu) - 1))], 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }


def on_sqlite(stored: int = STORED) -> dict[str, Any]:
    url = f"sqlite:///{tempfile.mkdtemp(prefix='linking-speed-')}/speed.db"
    seconds = populate(url, stored)
    return {"stored_reports": stored, "populate_s": round(seconds, 1), **time_linking(url)}


@contextlib.contextmanager
def postgres_database(prefix: str) -> Iterator[str | None]:
    """A throwaway database on POSTGRES_SERVER (dropped afterwards); None when no PostgreSQL answers."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_SERVER, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:  # noqa: BLE001 - no PostgreSQL here: the caller says so in the JSON
        admin.dispose()
        yield None
        return
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def on_postgresql(stored: int = STORED) -> dict[str, Any]:
    with postgres_database("servator_linking_bench") as url:
        if url is None:
            return {"unavailable": "no PostgreSQL at " + POSTGRES_SERVER}
        seconds = populate(url, stored)
        return {"stored_reports": stored, "populate_s": round(seconds, 1), **time_linking(url)}
