"""What every linking rule shares: the link it proposes, the time window and the feature columns it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from servator.storage.link_tables import ReportFeatures as F

COLUMNS = (
    F.report_id,
    F.reference,
    F.occurred_at,
    F.category,
    F.urgent,
    F.registration,
    F.registration_key,
    F.partial_plate,
    F.place_id,
    F.postcode,
    F.postcode_sector,
    F.lat,
    F.lon,
    F.cluster_id,
)
RECON = "reconnaissance"
CATEGORY_FAMILY = {
    "surveillance": RECON,
    "eliciting_information": RECON,
    "testing_security": RECON,
    "unattended_item": "item",
    "acquiring_materials": "materials",
    "expressed_threat": "threat",
}


@dataclass(frozen=True)
class Candidate:
    """A link the rules found between the report being linked and another stored report."""

    other_id: int
    other_reference: str
    other_cluster: str | None
    rule: str
    score: float
    reason: str


def similar_categories(a: str, b: str) -> bool:
    """The same category, or two kinds of hostile reconnaissance; "other" is similar to nothing."""
    family_a, family_b = CATEGORY_FAMILY.get(a), CATEGORY_FAMILY.get(b)
    return family_a is not None and family_a == family_b


def window(me: F, days: float) -> Any:  # Any: SQLAlchemy 1.4 ships no types
    span = timedelta(days=days)
    return and_(
        F.occurred_at >= me.occurred_at - span,
        F.occurred_at <= me.occurred_at + span,
        F.report_id != me.report_id,
    )


def feature_rows(session: Session, *conditions: Any) -> list[Any]:
    return list(session.execute(select(*COLUMNS).where(*conditions)))


def days_apart(a: datetime, b: datetime) -> float:
    return abs((a - b).total_seconds()) / 86400
