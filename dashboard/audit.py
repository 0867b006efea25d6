"""Every sign-in, view, status change and export, in the report audit table as `officer:<username>`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from servator.storage import AuditEntry

MAX_DETAIL_CHARS = 1000


def actor(officer: str) -> str:
    return f"officer:{officer}"


def record(
    session: Session, officer: str, action: str, reference: str | None = None, detail: str | None = None
) -> None:
    """Adds one audit entry (the caller commits). Never the report's text: references, counts, filters."""
    session.add(
        AuditEntry(
            actor=actor(officer)[:128],
            action=action[:32],
            reference=reference,
            detail=detail[:MAX_DETAIL_CHARS] if detail is not None else None,
        )
    )
