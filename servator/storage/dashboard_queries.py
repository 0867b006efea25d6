"""The officer dashboard's reads of the report tables: its queue, report page, exports, map and trends.

The dashboard shapes what these return for people; every query it makes of the report tables is
here (of the links between reports, in servator.linking.views). `where` is a list of conditions on
Report (the dashboard's filter, servator/storage/triage.py's search).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from servator.storage.link_tables import LinkCluster, ReportFeatures
from servator.storage.models import AuditEntry, Report
from servator.storage.points import POINT_LAT, POINT_LON

Where = Sequence[ColumnElement[bool]]
# (received, category, place id, cluster id) of one report
WindowRow = tuple[datetime, str, str | None, str | None]


def count_reports(session: Session, where: Where) -> int:
    return int(session.execute(select(func.count()).select_from(Report).where(*where)).scalar_one())


def report_ids(session: Session, where: Where) -> list[int]:
    """The ids of the matching reports, newest first."""
    query = select(Report.id).where(*where).order_by(Report.created_at.desc(), Report.id.desc())
    return list(session.execute(query).scalars())


def reports_by_id(session: Session, ids: Sequence[int]) -> list[Report]:
    """The reports with these ids, in the order of `ids`."""
    reports = session.execute(select(Report).where(Report.id.in_(ids))).scalars().all()
    order = {report_id: place for place, report_id in enumerate(ids)}
    return sorted(reports, key=lambda report: order[report.id])


def reports_by_reference(session: Session, references: set[str]) -> dict[str, Report]:
    if not references:
        return {}
    found = session.execute(select(Report).where(Report.reference.in_(references))).scalars()
    return {report.reference: report for report in found}


def audit_trail(session: Session, reference: str, limit: int) -> list[AuditEntry]:
    """A report's audit entries, newest first, at most `limit`."""
    query = select(AuditEntry).where(AuditEntry.reference == reference).order_by(AuditEntry.id.desc())
    return list(session.execute(query.limit(limit)).scalars())


def received_since(session: Session, where: Where, start: datetime) -> list[WindowRow]:
    """(received, category, place id, cluster id) of every matching report received since `start`:
    one read, driven by the received-time index."""
    query = (
        select(Report.created_at, Report.category, ReportFeatures.place_id, ReportFeatures.cluster_id)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*where, Report.created_at >= start)
    )
    return [(row[0], row[1], row[2], row[3]) for row in session.execute(query)]


def clusters_by_id(session: Session, ids: Sequence[str]) -> dict[str, LinkCluster]:
    return {
        row.id: row for row in session.execute(select(LinkCluster).where(LinkCluster.id.in_(ids))).scalars()
    }


def cluster_scores(session: Session, ids: Sequence[str]) -> dict[str, float]:
    rows = session.execute(select(LinkCluster.id, LinkCluster.score).where(LinkCluster.id.in_(ids)))
    return {cluster_id: float(score) for cluster_id, score in rows}


def earliest_references(session: Session, cluster_ids: Sequence[str]) -> dict[str, str]:
    """The reference of each cluster's earliest report (by when it happened)."""
    first: dict[str, str] = {}
    for cluster_id, reference in session.execute(
        select(ReportFeatures.cluster_id, ReportFeatures.reference)
        .where(ReportFeatures.cluster_id.in_(cluster_ids))
        .order_by(ReportFeatures.occurred_at.desc())
    ):
        first[cluster_id] = reference  # the earliest is written last
    return first


class floor_positive(FunctionElement):  # noqa: N801 - a SQL function, named like one
    """floor() of a non-negative number on every backend: SQLite may lack floor() but its CAST truncates,
    which is floor for such numbers; PostgreSQL's CAST rounds, so it gets FLOOR."""

    type = Integer()
    inherit_cache = True


def _floor_generic(element: floor_positive, compiler: Any, **kw: Any) -> str:
    return f"FLOOR({compiler.process(element.clauses, **kw)})"


def _floor_sqlite(element: floor_positive, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


compiles(floor_positive)(_floor_generic)
compiles(floor_positive, "sqlite")(_floor_sqlite)


def map_reports(session: Session, where: Where, limit: int) -> list[Any]:
    """(reference, category, status, still happening, landmark, place id, cluster id, lat, lon) of the
    newest matching reports, at most `limit`."""
    query = (
        select(
            Report.reference,
            Report.category,
            Report.status,
            Report.still_happening,
            Report.location_landmark,
            ReportFeatures.place_id,
            ReportFeatures.cluster_id,
            POINT_LAT,
            POINT_LON,
        )
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*where)
        .order_by(Report.created_at.desc())
        .limit(limit)
    )
    return list(session.execute(query))


def map_groups(session: Session, where: Where, size: float) -> list[Any]:
    """One grouped read of the matching reports: (grid row, grid column, gazetteer place id, cluster id,
    count, sum of latitudes, sum of longitudes, first reference), in squares of `size` degrees. The
    place is given only for reports at the place's published point, not a shared one."""
    row_key = floor_positive((POINT_LAT + 90.0) / size)
    column_key = floor_positive((POINT_LON + 180.0) / size)
    place_key = case((ReportFeatures.point_lat.is_(None), ReportFeatures.place_id), else_=None)
    query = (
        select(
            row_key,
            column_key,
            place_key,
            ReportFeatures.cluster_id,
            func.count(),
            func.sum(POINT_LAT),
            func.sum(POINT_LON),
            func.min(Report.reference),
        )
        .select_from(Report)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(*where)
        .group_by(row_key, column_key, place_key, ReportFeatures.cluster_id)
    )
    return list(session.execute(query))
