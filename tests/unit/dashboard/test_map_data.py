"""The map's GeoJSON: every located report that matches, where it was; clusters, place labels and, when
there are too many reports in view, counts in grid squares that add up to every report in view."""

from __future__ import annotations

import pytest

from dashboard import map_data
from dashboard.map_data import Box, map_geojson
from servator.storage import Report
from tests.support.linking_helpers import days, draft, store, store_and_link

RUSSIA = (51.507806, -0.190944)  # the gazetteer's published point for the Embassy of Russia


def kinds(data, kind):
    return [feature for feature in data["features"] if feature["properties"]["kind"] == kind]


@pytest.fixture
def stored(sessions):
    first, _ = store_and_link(sessions, draft(location_landmark="Embassy of Russia", category="surveillance"))
    second, links = store_and_link(
        sessions,
        draft(location_text="Embassy of Russia", category="surveillance", occurred_at=days(1)),
    )
    assert links  # the same place and behaviour a day apart: linked
    shared = store(sessions, draft(latitude=51.52, longitude=-0.10, location_text="shared location"))
    store(sessions, draft(location_text="somewhere I cannot name"))
    return first, second, shared


def test_every_located_report_is_drawn_where_it_was_with_its_cluster_and_place(sessions, stored):
    first, second, shared = stored
    with sessions() as session:
        data = map_geojson(session, [])
    assert (data["matching"], data["in_view"], data["aggregated"]) == (4, 3, False)
    points = {f["properties"]["reference"]: f for f in kinds(data, "report")}
    assert set(points) == {first, second, shared}
    assert points[first]["geometry"]["coordinates"] == [RUSSIA[1], RUSSIA[0]]
    assert points[shared]["geometry"]["coordinates"] == [-0.10, 51.52]
    assert points[first]["properties"]["place"] == "Embassy of Russia"
    [cluster] = kinds(data, "cluster")
    assert cluster["properties"]["reports"] == 2
    assert points[first]["properties"]["cluster"] == cluster["properties"]["cluster"]
    assert cluster["properties"]["first"] in (first, second)
    [place] = kinds(data, "place")
    assert place["properties"] == {"kind": "place", "name": "Embassy of Russia", "reports": 2}


def test_the_filter_and_the_visible_box_narrow_what_is_sent(sessions, stored):
    first, second, shared = stored
    with sessions() as session:
        only_shared_area = map_geojson(session, [], Box.parse("-0.12,51.51,-0.08,51.53"))
        surveillance = map_geojson(session, [Report.category == "surveillance"])
    assert [f["properties"]["reference"] for f in kinds(only_shared_area, "report")] == [shared]
    assert kinds(only_shared_area, "cluster") == [] and kinds(only_shared_area, "place") == []
    assert {f["properties"]["reference"] for f in kinds(surveillance, "report")} == {first, second}
    assert surveillance["matching"] == 2


def test_too_many_reports_in_view_are_counted_in_squares(sessions, stored, monkeypatch):
    monkeypatch.setattr(map_data, "MAX_POINTS", 2)
    london = Box.parse("-0.3,51.4,0.0,51.6")
    with sessions() as session:
        wide = map_geojson(session, [], london, zoom=6)
        close = map_geojson(session, [], london, zoom=15)
        world = map_geojson(session, [], None, zoom=19)
    assert wide["aggregated"] and kinds(wide, "report") == []
    # At zoom 6 a square is ~1.05° wide: the embassy and the shared point (6 km apart) share one.
    assert [f["properties"]["count"] for f in kinds(wide, "bin")] == [3]
    # At zoom 15 a square would be ~0.002° wide, but the box is at most 80 squares across (0.00375°).
    assert close["bin_degrees"] == pytest.approx(0.3 / 80)
    assert sorted(f["properties"]["count"] for f in kinds(close, "bin")) == [1, 2]
    [embassy] = [f for f in kinds(close, "bin") if f["properties"]["count"] == 2]
    assert embassy["geometry"]["coordinates"] == [RUSSIA[1], RUSSIA[0]]
    # No box and the closest zoom: the whole world in 80 squares across, never one square per report.
    assert world["bin_degrees"] == pytest.approx(360 / 80)


@pytest.mark.parametrize(
    "text", ["", "1,2,3", "a,b,c,d", "nan,51,0,52", "inf,51,0,52", "0,52,1,51", "1e308,1,2,3"]
)
def test_a_bad_box_is_ignored(text):
    assert Box.parse(text) is None


def test_a_box_beyond_the_world_is_clamped():
    assert Box.parse("-200,-95,200,95") == Box(-90.0, -180.0, 90.0, 180.0)
