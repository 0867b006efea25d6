"""Exports of the current filter as CSV, JSON and GeoJSON: whole across batches, formula-safe, audited."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dashboard import exports
from tests.support.dashboard_app import audited, stored

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "BATCH", 2)  # three reports make two batches


async def three_reports(officer) -> set[str]:
    return {stored(officer, f"e-{n}", people_description=FORMULA) for n in range(3)}


async def test_json_and_geojson_hold_every_report_of_every_batch(officer):
    references = await three_reports(officer)
    response = await officer.get("/export.json")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="servator-reports-')
    assert {row["reference"] for row in json.loads(await response.text())} == references
    geo = json.loads(await (await officer.get("/export.geojson")).text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


async def test_csv_has_one_header_and_no_cell_a_spreadsheet_would_run(officer):
    references = await three_reports(officer)
    rows = list(csv.DictReader(io.StringIO(await (await officer.get("/export.csv")).text())))
    assert {row["reference"] for row in rows} == references
    assert all(not row["people_description"].startswith("=") for row in rows)
    assert all(FORMULA in row["people_description"] for row in rows)


async def test_an_export_follows_the_filter_and_is_audited_with_its_count(officer):
    await three_reports(officer)
    empty = await (await officer.get("/export.csv?category=other")).text()
    assert len(empty.splitlines()) == 1 and ",reference," in empty, "the header alone"
    [(actor, _, detail)] = audited(officer, "export")
    assert actor == "officer:pc.one" and detail is not None
    assert "format=csv" in detail and "count=0" in detail
