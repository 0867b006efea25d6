"""The map's data as GeoJSON, with a bounded payload whatever the number of stored reports.

Where a report was: its linking features' point (a shared location, else its gazetteer place's published
point), else the report's own shared point; reports with neither are counted but not drawn.

Design (issue 12, speed): the browser asks for the visible box and zoom. When at most MAX_POINTS
reports with a point match the filter inside the box, each is sent (reference, category, status,
urgency, place) and leaflet.markercluster groups them on screen. Above that, the server sums them into
grid bins: cells of about BIN_PIXELS screen pixels at that zoom (GROUP BY in SQL), each sent as one
point with its count, at most MAX_BINS (the fullest). Linked-report clusters (at most MAX_CLUSTERS, the
largest) are sent at the middle of their members' points, and place labels (at most MAX_PLACES, the
gazetteer places with the most reports) at the place. So the payload stays a few hundred kilobytes at
most, and the database does one count and one grouped or capped read of the matching rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from servator.linking import place_name
from servator.storage.link_tables import LinkCluster, ReportFeatures
from servator.storage.models import Report

MAX_POINTS = 2_000
MAX_BINS = 1_500
MAX_CLUSTERS = 200
MAX_PLACES = 40
BIN_PIXELS = 48
TILE_PIXELS = 256

LAT = func.coalesce(ReportFeatures.lat, Report.latitude)
LON = func.coalesce(ReportFeatures.lon, Report.longitude)


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
    rows = session.execute(
        select(
            Report.reference,
            Report.category,
            Report.status,
            Report.still_happening,
            Report.location_landmark,
            ReportFeatures.place_id,
            ReportFeatures.cluster_id,
            LAT,
            LON,
        )
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*where)
        .order_by(Report.created_at.desc())
        .limit(MAX_POINTS)
    )
    return [
        _point(
            lat,
            lon,
            {
                "kind": "report",
                "reference": reference,
                "category": category,
                "status": status,
                "urgent": bool(urgent),
                "place": place_name(place_id) or landmark or "shared location",
                "cluster": cluster_id,
            },
        )
        for reference, category, status, urgent, landmark, place_id, cluster_id, lat, lon in rows
    ]


def _bins(session: Session, where: list[ColumnElement[bool]], size: float) -> list[dict[str, Any]]:
    # Shifted to be positive so that CAST (truncation, on every backend) is floor.
    row_key = cast((LAT + 90.0) / size, Integer)
    column_key = cast((LON + 180.0) / size, Integer)
    count = func.count()
    rows = session.execute(
        select(count, func.avg(LAT), func.avg(LON))
        .select_from(Report)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*where)
        .group_by(row_key, column_key)
        .order_by(count.desc())
        .limit(MAX_BINS)
    )
    return [_point(lat, lon, {"kind": "bin", "count": int(n)}) for n, lat, lon in rows]


def _clusters(session: Session, where: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    size = func.count()
    rows = session.execute(
        select(
            ReportFeatures.cluster_id,
            size,
            func.avg(LAT),
            func.avg(LON),
            func.min(Report.reference),
            LinkCluster.score,
        )
        .select_from(Report)
        .join(ReportFeatures, ReportFeatures.report_id == Report.id)
        .join(LinkCluster, LinkCluster.id == ReportFeatures.cluster_id)
        .where(*where)
        .group_by(ReportFeatures.cluster_id, LinkCluster.score)
        .order_by(size.desc(), ReportFeatures.cluster_id)
        .limit(MAX_CLUSTERS)
    )
    return [
        _point(
            lat,
            lon,
            {
                "kind": "cluster",
                "cluster": cluster_id,
                "reports": int(n),
                "first": first,
                "score": float(score),
            },
        )
        for cluster_id, n, lat, lon, first, score in rows
    ]


def _places(session: Session, where: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    """Gazetteer places with the most reports; reports there without a shared point sit at the place's
    published point, so their average is that point."""
    count = func.count()
    rows = session.execute(
        select(ReportFeatures.place_id, count, func.avg(ReportFeatures.lat), func.avg(ReportFeatures.lon))
        .select_from(Report)
        .join(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(
            *where,
            ReportFeatures.place_id.isnot(None),
            ReportFeatures.point_lat.is_(None),
            ReportFeatures.lat.isnot(None),
        )
        .group_by(ReportFeatures.place_id)
        .order_by(count.desc(), ReportFeatures.place_id)
        .limit(MAX_PLACES)
    )
    return [
        _point(lat, lon, {"kind": "place", "name": place_name(place_id) or place_id, "reports": int(n)})
        for place_id, n, lat, lon in rows
    ]


def map_geojson(
    session: Session, filters: list[ColumnElement[bool]], box: Box | None = None, zoom: int = 12
) -> dict[str, Any]:
    """The FeatureCollection for /api/map: reports or bins, clusters, place labels, with the counts."""
    located = [*filters, LAT.isnot(None), LON.isnot(None)]
    visible = [*located, *(box.conditions() if box else [])]
    total = session.execute(select(func.count()).select_from(Report).where(*filters)).scalar_one()
    shown = session.execute(
        select(func.count())
        .select_from(Report)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*visible)
    ).scalar_one()
    aggregated = shown > MAX_POINTS
    features = _bins(session, visible, bin_degrees(zoom)) if aggregated else _reports(session, visible)
    features += _clusters(session, visible) + _places(session, visible)
    return {
        "type": "FeatureCollection",
        "features": features,
        "matching": int(total),
        "in_view": int(shown),
        "aggregated": aggregated,
        "bin_degrees": bin_degrees(zoom) if aggregated else None,
    }
