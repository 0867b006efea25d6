"""Linking features of one report, computed once right after it is stored.

Place: the gazetteer place the form recognised (its canonical name in location_landmark), else the
first gazetteer place named in the location text; an unknown place stays as the report's text and
links only through its postcode or shared point. Time: the resolved time when the report has
one, else when it was received. A report without a place, time or vehicle links on what it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reading.plate_text import END, START, PartialPlate
from servator.linking import geo, plate_keys, plates, text_vector
from servator.storage.models import Report


def _given(value: str | None) -> str:
    return (value or "").strip()


def place_id_for(landmark: str | None, location_text: str | None) -> str | None:
    """The canonical place id of the named landmark, or of a gazetteer place named in the text; a place
    with a published point wins over one without ("Palace Green, the Israeli embassy")."""
    from reading.places import lookup

    place = lookup(landmark)
    if (place is None or place.point is None) and _given(location_text):
        from reading.entities import extract_entities

        found = [
            lookup(e["value"])
            for e in extract_entities(_given(location_text)[:500])
            if e["entity"] == "place"
        ]
        named = [candidate for candidate in found if candidate is not None]
        fallback = place or (named[0] if named else None)
        place = next((candidate for candidate in named if candidate.point), fallback)
    return place.id if place is not None else None


def postcode_parts(postcode: str | None, location_text: str | None) -> dict[str, str | None]:
    """Full postcode, district ("SW1X") and sector ("SW1X 8"), from the stored postcode or the text."""
    from reading.entities import normalise_postcode

    full = normalise_postcode(postcode or "") or normalise_postcode(_given(location_text))
    if not full:
        return {"postcode": None, "postcode_district": None, "postcode_sector": None}
    district, inward = full.split(" ")
    return {"postcode": full, "postcode_district": district, "postcode_sector": f"{district} {inward[0]}"}


def description_vector_parts(report: Report, answers: str = "") -> tuple[str, str]:
    """What the description vector is made of: what happened (with the person's answers to officers'
    questions), and who was seen."""
    what = " ".join(part for part in (_given(report.description), answers) if part)
    return what, _given(report.people_description)


def feature_values(
    report: Report, now: datetime, vector: bytes | None = None, answers: str = ""
) -> dict[str, Any]:
    """Every column of the report's ReportFeatures row except the linking bookkeeping.

    `answers`: what the person answered officers' questions; a plate in them counts when the report
    itself gives none."""
    from reading.places import place_by_id

    vehicle = _given(report.vehicle_text)
    plate = plates.plate_from_report(report.vehicle_registration, vehicle) or (
        plates.plate_from_report(None, answers) if answers else None
    )
    partial = (
        None if plate else plates.partial_from_report(None, " ".join(p for p in (vehicle, answers) if p))
    )
    place_id = place_id_for(report.location_landmark, report.location_text)
    place = place_by_id(place_id) if place_id else None
    point = (
        (report.latitude, report.longitude)
        if report.latitude is not None and report.longitude is not None
        else None
    )
    lat, lon = point if point else (place.point if place and place.point else (None, None))
    if vector is None:
        vector = text_vector.vector(*description_vector_parts(report, answers))
    return {
        "reference": report.reference,
        "occurred_at": report.occurred_at or report.created_at or now,
        "category": report.category or "other",
        "urgent": bool(report.still_happening),
        "registration": plate.display[:24] if plate else None,
        "registration_key": plate.key[:32] if plate else None,
        "partial_plate": stored_partial(partial),
        "place_id": place_id,
        **postcode_parts(report.location_postcode, report.location_text),
        "point_lat": point[0] if point else None,
        "point_lon": point[1] if point else None,
        "lat": lat,
        "lon": lon,
        "place_cell": geo.cell(lat, lon, geo.PLACE_CELL_DEG),
        "area_cell": geo.cell(lat, lon, geo.AREA_CELL_DEG),
        "vector": vector,
        "computed_at": now,
    }


def stored_partial(partial: PartialPlate | None) -> str | None:
    """How report_features keeps a partial plate: "KX19*" (starts with) or "*PLM" (ends with)."""
    if partial is None:
        return None
    return f"{partial.characters}*" if partial.where == START else f"*{partial.characters}"


def partial_of(stored: str | None) -> PartialPlate | None:
    if not stored:
        return None
    return (
        PartialPlate(END, stored[1:]) if stored.startswith("*") else PartialPlate(START, stored.rstrip("*"))
    )


def plate_key_rows(report_id: int, values: dict[str, Any]) -> list[dict[str, Any]]:
    """The plate_keys rows of one report from its feature values."""
    keys = plate_keys.stored_keys(values.get("registration_key"), partial_of(values.get("partial_plate")))
    return [{"report_id": report_id, "key": key, "occurred_at": values["occurred_at"]} for key in keys]


def many_feature_values(reports: Sequence[Report], now: datetime) -> list[dict[str, Any]]:
    """feature_values for many reports, with their description vectors made in one call."""
    parts = [description_vector_parts(report) for report in reports]
    vectors = text_vector.vectors([what for what, _ in parts], [who for _, who in parts])
    return [feature_values(report, now, vector) for report, vector in zip(reports, vectors)]
