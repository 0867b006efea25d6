"""The vehicle rule, within LINK_VEHICLE_DAYS (30) days, through indexes only:

- the same registration (UK plates after folding O/0 and I/1; any other plate exactly): score 0.75;
- a possible same vehicle: UK plates one character or one swap of neighbours apart (found through the
  shared deletion-neighbourhood keys in plate_keys), only when both reports name the same make or
  colour and neither names a different one: 0.65 when the two characters are easily misread for each other (L/I, 8/B, 5/S, M/N, D/0 ...),
  0.6 for a swap, 0.55 for any other character;
- part of a plate ("KX19 something", "ends in PLM") against whole plates that fit it, only with another
  agreeing feature (make or colour, place, or similar behaviour), never when the two reports name
  different colours or makes: 0.5.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reading.plate_text import START
from servator.linking import geo, plate_keys, plates, wording
from servator.linking.candidates import Candidate, days_apart, feature_rows, similar_categories, window
from servator.linking.features import partial_of
from servator.linking.settings import LinkSettings
from servator.storage.link_tables import PlateKey
from servator.storage.link_tables import ReportFeatures as F
from servator.storage.models import Report

SAME, PARTIAL = 0.75, 0.5
NEAR_CONFUSABLE, NEAR_SWAP, NEAR_OTHER = 0.65, 0.6, 0.55
RULE = "vehicle"


def _texts(session: Session, report_ids: Sequence[int]) -> dict[int, str]:
    if not report_ids:
        return {}
    found = session.execute(select(Report.id, Report.vehicle_text).where(Report.id.in_(list(report_ids))))
    return {report_id: text or "" for report_id, text in found}


def _keyed(session: Session, me: F, keys: list[str], settings: LinkSettings) -> list[Any]:
    """Feature rows of the reports holding any of `keys` in plate_keys, in the time window."""
    if not keys:
        return []
    ids = select(PlateKey.report_id).where(
        PlateKey.key.in_(keys),
        PlateKey.occurred_at >= window_start(me, settings),
        PlateKey.occurred_at <= window_end(me, settings),
    )
    return feature_rows(session, F.report_id.in_(ids), window(me, settings.vehicle_days))


def window_start(me: F, settings: LinkSettings) -> Any:
    return me.occurred_at - timedelta(days=settings.vehicle_days)


def window_end(me: F, settings: LinkSettings) -> Any:
    return me.occurred_at + timedelta(days=settings.vehicle_days)


def _near_score(difference: plate_keys.Difference) -> float:
    if difference.swap:
        return NEAR_SWAP
    return NEAR_CONFUSABLE if difference.confusable else NEAR_OTHER


def _whole_plate_links(session: Session, me: F, text: str, settings: LinkSettings) -> list[Candidate]:
    """The same key, plates one character off (deletion keys), and earlier partial plates that fit mine."""
    key = me.registration_key
    same = feature_rows(session, F.registration_key == key, window(me, settings.vehicle_days))
    nearby = [
        row for row in _keyed(session, me, plate_keys.deletion_keys(key), settings) if row.registration_key
    ]
    near = [(row, plate_keys.difference(key, row.registration_key)) for row in nearby]
    partial = _keyed(session, me, plate_keys.partial_keys_matching(key), settings)
    texts = _texts(
        session, [row.report_id for row, found in near if found] + [row.report_id for row in partial]
    )
    links = []
    for row in same:
        days = days_apart(row.occurred_at, me.occurred_at)
        links.append(_link(row, SAME, wording.same_vehicle(me.registration, row.registration, days)))
    for row, difference in near:
        their_text = texts.get(row.report_id, "")
        shared = plates.shared_description(text, their_text)
        if difference is None or not shared or plates.contradicting(text, their_text):
            continue
        days = days_apart(row.occurred_at, me.occurred_at)
        reason = wording.near_vehicle(me.registration, row.registration, difference, shared, days)
        links.append(_link(row, _near_score(difference), reason))
    for row in partial:
        found = partial_of(row.partial_plate)
        if found is None or not plate_keys.fits(found, key):
            continue
        links += _partial_link(me, row, text, texts, settings, found.said(), me.registration)
    return links


def _partial_plate_links(session: Session, me: F, text: str, settings: LinkSettings) -> list[Candidate]:
    """Whole UK plates that fit my partial plate: by key prefix, or by reversed key for "ends in"."""
    partial = partial_of(me.partial_plate)
    if partial is None or len(partial.characters) < plate_keys.MIN_PARTIAL:
        return []
    characters = plate_keys.fold(partial.characters)
    in_window = window(me, settings.vehicle_days)
    if partial.where == START:
        low = plate_keys.UK_PREFIX + characters
        found = feature_rows(session, F.registration_key >= low, F.registration_key < low + "~", in_window)
    else:
        low = "R:" + characters[::-1]
        ids = select(PlateKey.report_id).where(
            PlateKey.key >= low,
            PlateKey.key < low + "~",
            PlateKey.occurred_at >= window_start(me, settings),
            PlateKey.occurred_at <= window_end(me, settings),
        )
        found = feature_rows(session, F.report_id.in_(ids), in_window)
    found = [row for row in found if row.registration_key and plate_keys.fits(partial, row.registration_key)]
    texts = _texts(session, [row.report_id for row in found])
    links = []
    for row in found:
        links += _partial_link(me, row, text, texts, settings, partial.said(), row.registration)
    return links


def _agreeing(me: F, row: Any, my_text: str, their_text: str, settings: LinkSettings) -> str | None:
    """What else two reports share besides a plate that fits: make or colour, place, or behaviour (None
    when nothing does, or when the two describe different cars)."""
    if plates.contradicting(my_text, their_text):
        return None
    shared = plates.shared_description(my_text, their_text)
    if shared:
        return f"both a {shared}"
    if me.place_id and row.place_id == me.place_id:
        return f"both at {wording.place_name(me.place_id) or me.place_id}"
    if None not in (me.lat, me.lon, row.lat, row.lon):
        metres = geo.metres_between(me.lat, me.lon, row.lat, row.lon)
        if metres <= settings.place_metres:
            return f"{round(metres)} m apart"
    if similar_categories(me.category, row.category):
        return f"similar behaviour ({wording.category_words(me.category)}, {wording.category_words(row.category)})"
    return None


def _partial_link(
    me: F, row: Any, text: str, texts: dict[int, str], settings: LinkSettings, said: str, whole: str | None
) -> list[Candidate]:
    """The link between a partial plate (`said`) and a whole one that fits it, when the two reports
    also agree in something else ([] when they do not)."""
    agreeing = _agreeing(me, row, text, texts.get(row.report_id, ""), settings)
    if not agreeing:
        return []
    reason = wording.partial_vehicle(said, whole, agreeing, days_apart(row.occurred_at, me.occurred_at))
    return [_link(row, PARTIAL, reason)]


def _link(row: Any, score: float, reason: str) -> Candidate:
    return Candidate(row.report_id, row.reference, row.cluster_id, RULE, score, reason)


def vehicle_links(session: Session, me: F, my_vehicle_text: str, settings: LinkSettings) -> list[Candidate]:
    """The vehicle rule's links of one report (at most one per other report: the strongest)."""
    if me.registration_key:
        found = _whole_plate_links(session, me, my_vehicle_text, settings)
    else:
        found = _partial_plate_links(session, me, my_vehicle_text, settings)
    best: dict[int, Candidate] = {}
    for link in found:
        if link.other_id not in best or link.score > best[link.other_id].score:
            best[link.other_id] = link
    return list(best.values())
