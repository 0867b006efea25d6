"""Where a report is on a map: one definition for the dashboard's map and every export.

A report's point is its linking features' point (a location the person shared, else the published
point of the place they named; servator.linking computes it), else the report's own shared
location. A report with neither has no point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from servator.storage.link_tables import ReportFeatures
from servator.storage.models import Report

POINT_LAT = func.coalesce(ReportFeatures.lat, Report.latitude)
POINT_LON = func.coalesce(ReportFeatures.lon, Report.longitude)
SHARED, PLACE = "shared location", "named place"


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    source: str  # SHARED or PLACE


def points_for(session: Session, report_ids: Sequence[int]) -> dict[int, Point]:
    """The map's point of each report that has one, by report id (one query)."""
    if not report_ids:
        return {}
    rows = session.execute(
        select(Report.id, POINT_LAT, POINT_LON, Report.latitude)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(Report.id.in_(list(report_ids)), POINT_LAT.isnot(None), POINT_LON.isnot(None))
    )
    return {
        report_id: Point(float(lat), float(lon), SHARED if own is not None else PLACE)
        for report_id, lat, lon, own in rows
    }
