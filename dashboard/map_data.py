"""The map's data as GeoJSON, with a bounded payload whatever the number of stored reports.

Where a report was: its linking features' point (a shared location, else its gazetteer place's published
point), else the report's own shared point (servator/storage/points.py, the exports' point too); reports
with neither are counted but not drawn.

Design (for speed): the browser asks for the visible box and zoom. When at most MAX_POINTS
reports with a point match the filter inside the box, each is sent (reference, category, status,
urgency, place) and leaflet.markercluster groups them on screen. Above that, the server sums them into
grid bins: squares of about BIN_PIXELS screen pixels at that zoom (at most MAX_COLUMNS across the box),
each sent as one point with its count, at most MAX_BINS (the fullest). Linked-report clusters (at most
MAX_CLUSTERS, the largest) are sent at the middle of their members' points, and place labels (at most
MAX_PLACES, the gazetteer places with the most reports) at the place. The database does one count of the
matching reports and one grouped read of those in view (by square, cluster and place together), plus
the capped read of each report when there are few enough; the payload stays under a few hundred kB.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from servator.linking import place_name
from servator.storage import dashboard_queries
from servator.storage.categories import category_label
from servator.storage.points import POINT_LAT, POINT_LON

MAX_POINTS = 2_000
MAX_BINS = 1_500
MAX_CLUSTERS = 200
MAX_PLACES = 40
BIN_PIXELS = 48
MAX_COLUMNS = 80
TILE_PIXELS = 256

# The one definition of a report's point, shared with the exports (servator/storage/points.py).
LAT, LON = POINT_LAT, POINT_LON


@dataclass(frozen=True)
class Box:
    """The visible area: south, west, north, east in degrees (validated by Box.parse)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def parse(cls, text: str | None) -> Box | None:
        """ "west,south,east,north" (Leaflet's toBBoxString order); None when absent or not sensible."""
        if not text:
            return None
        try:
            west, south, east, north = (float(part) for part in text.split(",", 3))
        except ValueError:
            return None
        if not all(abs(value) < 1000 for value in (west, south, east, north)):
            return None  # also refuses nan and inf
        south, north = max(-90.0, south), min(90.0, north)
        west, east = max(-180.0, west), min(180.0, east)
        return cls(south, west, north, east) if south < north and west < east else None

    def conditions(self) -> list[ColumnElement[bool]]:
        return [LAT >= self.south, LAT <= self.north, LON >= self.west, LON <= self.east]


def bin_degrees(zoom: int) -> float:
    """The side of a grid bin in degrees of longitude: about BIN_PIXELS pixels at this zoom."""
    zoom = min(max(zoom, 0), 19)
    return 360.0 / float(1 << zoom) / TILE_PIXELS * BIN_PIXELS


def _point(lat: float, lon: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": properties,
    }


def _reports(session: Session, where: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    rows = dashboard_queries.map_reports(session, where, MAX_POINTS)
    return [
        _point(
            lat,
            lon,
            {
                "kind": "report",
                "reference": reference,
                "category": category,
                "category_label": category_label(category),
                "status": status,
                "urgent": bool(urgent),
                "place": place_name(place_id) or landmark or "shared location",
                "cluster": cluster_id,
            },
        )
        for reference, category, status, urgent, landmark, place_id, cluster_id, lat, lon in rows
    ]


@dataclass
class _Sum:
    """Reports summed over one key: how many, and the sums of their coordinates (for the centre)."""

    count: int = 0
    lat: float = 0.0
    lon: float = 0.0
    first: str | None = None

    def add(self, count: int, lat: float, lon: float, first: str | None = None) -> None:
        self.count, self.lat, self.lon = self.count + count, self.lat + lat, self.lon + lon
        if first is not None and (self.first is None or first < self.first):
            self.first = first

    def centre(self) -> tuple[float, float]:
        return self.lat / self.count, self.lon / self.count


def bin_size(zoom: int, box: Box | None) -> float:
    """bin_degrees(zoom), but never more than MAX_COLUMNS squares across the box (a bounded answer
    even for a hostile zoom and box)."""
    box = box or Box(-90.0, -180.0, 90.0, 180.0)
    widest = max(box.east - box.west, box.north - box.south)
    return max(bin_degrees(zoom), widest / MAX_COLUMNS)


def _summary(session: Session, where: list[ColumnElement[bool]], size: float) -> dict[str, Any]:
    """One grouped read of every matching report in view: counts by grid square, by cluster and by
    gazetteer place (reports at the place's published point, not a shared one)."""
    rows = dashboard_queries.map_groups(session, where, size)
    bins: dict[tuple[int, int], _Sum] = defaultdict(_Sum)
    clusters: dict[str, _Sum] = defaultdict(_Sum)
    places: dict[str, _Sum] = defaultdict(_Sum)
    for row, column, place_id, cluster_id, count, lat, lon, first in rows:
        bins[(row, column)].add(count, lat, lon)
        if cluster_id is not None:
            clusters[cluster_id].add(count, lat, lon, first)
        if place_id is not None:
            places[place_id].add(count, lat, lon)
    return {"bins": bins, "clusters": clusters, "places": places}


def _largest(sums: dict[Any, _Sum], limit: int) -> list[tuple[Any, _Sum]]:
    return sorted(sums.items(), key=lambda item: (-item[1].count, str(item[0])))[:limit]


def _cluster_features(session: Session, sums: dict[str, _Sum]) -> list[dict[str, Any]]:
    largest = _largest(sums, MAX_CLUSTERS)
    scores = dashboard_queries.cluster_scores(session, [key for key, _ in largest])
    return [
        _point(
            *total.centre(),
            {
                "kind": "cluster",
                "cluster": cluster_id,
                "reports": total.count,
                "first": total.first,
                "score": scores.get(cluster_id, 0.0),
            },
        )
        for cluster_id, total in largest
    ]


def map_geojson(
    session: Session, filters: list[ColumnElement[bool]], box: Box | None = None, zoom: int = 12
) -> dict[str, Any]:
    """The FeatureCollection for /api/map: reports or bins, clusters, place labels, with the counts."""
    visible = [*filters, LAT.isnot(None), LON.isnot(None), *(box.conditions() if box else [])]
    total = dashboard_queries.count_reports(session, filters)
    size = bin_size(zoom, box)
    summary = _summary(session, visible, size)
    shown = sum(total_.count for total_ in summary["bins"].values())
    aggregated = shown > MAX_POINTS
    if aggregated:
        features = [
            _point(*sums.centre(), {"kind": "bin", "count": sums.count})
            for _, sums in _largest(summary["bins"], MAX_BINS)
        ]
    else:
        features = _reports(session, visible)
    features += _cluster_features(session, summary["clusters"])
    features += [
        _point(
            *sums.centre(), {"kind": "place", "name": place_name(place_id) or place_id, "reports": sums.count}
        )
        for place_id, sums in _largest(summary["places"], MAX_PLACES)
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        "matching": int(total),
        "in_view": shown,
        "aggregated": aggregated,
        "bin_degrees": size if aggregated else None,
    }
