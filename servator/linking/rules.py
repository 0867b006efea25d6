"""The three linking rules. Each finds its candidates through an index (time window plus registration,
place or grid cell: never a scan of every vector) and explains every link in one sentence.

- vehicle: the same registration, a plate one character off, or part of a plate (vehicle_rules.py).
- place: the same gazetteer place, the same full postcode, or points within LINK_PLACE_METRES (250 m),
  and a similar behaviour category, within LINK_PLACE_DAYS (14) days.
- description: descriptions (with the people seen) whose cosine similarity reaches
  LINK_TEXT_MIN_COSINE, within LINK_TEXT_DAYS (14) days and LINK_TEXT_METRES (2 km), or in the same
  postcode sector when a report has no point.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from servator.linking import geo, text_vector, wording
from servator.linking.candidates import Candidate, days_apart, feature_rows, similar_categories, window
from servator.linking.settings import LinkSettings
from servator.linking.vehicle_rules import vehicle_links
from servator.storage.link_tables import ReportFeatures as F

__all__ = ["Candidate", "find_links", "similar_categories"]


def _place_rows(session: Session, me: F, settings: LinkSettings) -> list[Any]:
    """One look-up: the same place id, the same full postcode, or a point in the cells around mine."""
    where = []
    if me.place_id:
        where.append(F.place_id == me.place_id)
    if me.postcode:
        where.append(F.postcode == me.postcode)
    if me.lat is not None and me.lon is not None:
        where.append(
            F.place_cell.in_(geo.cells_within(me.lat, me.lon, settings.place_metres, geo.PLACE_CELL_DEG))
        )
    return feature_rows(session, or_(*where), window(me, settings.place_days)) if where else []


def place_links(session: Session, me: F, settings: LinkSettings) -> list[Candidate]:
    best: dict[int, Candidate] = {}
    for row in _place_rows(session, me, settings):
        if row.report_id in best or not similar_categories(me.category, row.category):
            continue
        metres = None
        if me.place_id and row.place_id == me.place_id:
            score, how = 0.6, wording.same_place_id(me.place_id)
        elif me.postcode and row.postcode == me.postcode:
            score, how = 0.55, wording.same_postcode(me.postcode)
        elif None not in (me.lat, me.lon, row.lat, row.lon):
            metres = geo.metres_between(me.lat, me.lon, row.lat, row.lon)
            if metres > settings.place_metres:
                continue
            score, how = (
                0.6 - 0.1 * metres / max(settings.place_metres, 1.0),
                wording.places_close(me.place_id, row.place_id, metres),
            )
        else:
            continue
        if me.category != row.category:
            score -= 0.05
        days = days_apart(row.occurred_at, me.occurred_at)
        best[row.report_id] = Candidate(
            row.report_id,
            row.reference,
            row.cluster_id,
            "place",
            round(score, 3),
            wording.place_reason(how, me.category, row.category, days),
        )
    return list(best.values())


def _description_candidates(session: Session, me: F, settings: LinkSettings) -> list[Any]:
    """(report id, vector, lat, lon, postcode sector) of the reports in the time window and the 2 km box
    (grid cells plus a latitude/longitude box), or in my postcode sector when I have no point."""
    in_window = (window(me, settings.text_days), F.vector.isnot(None))
    columns = (F.report_id, F.vector, F.lat, F.lon, F.postcode_sector)
    rows: list[Any] = []
    if me.lat is not None and me.lon is not None:
        south, north, west, east = geo.box(me.lat, me.lon, settings.text_metres)
        cells = geo.cells_within(me.lat, me.lon, settings.text_metres, geo.AREA_CELL_DEG)
        rows = session.execute(
            select(*columns).where(
                F.area_cell.in_(cells), F.lat.between(south, north), F.lon.between(west, east), *in_window
            )
        ).all()
    if me.postcode_sector:
        seen = {row[0] for row in rows}
        more = session.execute(
            select(*columns).where(F.postcode_sector == me.postcode_sector, *in_window)
        ).all()
        rows = [*rows, *(row for row in more if row[0] not in seen)]
    return rows


def description_links(session: Session, me: F, settings: LinkSettings) -> list[Candidate]:
    """Cosine over the candidates' vectors in one numpy step; full rows only for the similar ones."""
    if not me.vector or not any(me.vector[text_vector.VECTOR_TERMS * 4 :]):
        return []
    candidates = _description_candidates(session, me, settings)
    if not candidates:
        return []
    similarities = text_vector.cosines(me.vector, [row[1] for row in candidates])
    close: dict[int, tuple[float, float | None]] = {}
    for (report_id, _vector, lat, lon, sector), similarity in zip(candidates, similarities):
        if similarity < settings.text_min_cosine:
            continue
        metres = None
        if None not in (me.lat, me.lon, lat, lon):
            metres = geo.metres_between(me.lat, me.lon, lat, lon)
            if metres > settings.text_metres:
                continue
        elif not (me.postcode_sector and sector == me.postcode_sector):
            continue
        close[report_id] = (float(similarity), metres)
    if not close:
        return []
    span = max(1e-9, 1.0 - settings.text_min_cosine)
    found = []
    for row in feature_rows(session, F.report_id.in_(list(close))):
        similarity, metres = close[row.report_id]
        score = 0.45 + 0.35 * min(1.0, (similarity - settings.text_min_cosine) / span)
        days = days_apart(row.occurred_at, me.occurred_at)
        reason = wording.similar_descriptions(similarity, days, metres)
        found.append(
            Candidate(row.report_id, row.reference, row.cluster_id, "description", round(score, 3), reason)
        )
    return found


def find_links(session: Session, me: F, vehicle_text: str, settings: LinkSettings) -> list[Candidate]:
    """Every rule's links for one report (a pair may be linked by several rules)."""
    return [
        *vehicle_links(session, me, vehicle_text, settings),
        *place_links(session, me, settings),
        *description_links(session, me, settings),
    ]
