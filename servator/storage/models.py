"""Tables for reports, their audit trail and officer notifications (SQLAlchemy 1.4, 2.0 style).

Table names avoid Rasa's own tracker-store tables (`events`), since both share one database.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base, declared_attr, relationship
from sqlalchemy.types import TypeDecorator

from reading.london import london_iso
from servator.storage.draft import ReportDraft

STATUSES = ("new", "reviewed", "escalated", "closed")
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Any: SQLAlchemy 1.4 ships no types, and mypy needs an explicit Any to accept it as a base class.
Base: Any = declarative_base(metadata=MetaData(naming_convention=NAMING))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite keeps no zone; naive input is taken as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES!r}", name="status"),
        # The officer dashboard's queue: new and escalated, still happening first, then newest.
        Index("ix_reports_queue", "status", "still_happening", "created_at"),
    )

    id = Column(Integer, primary_key=True)
    reference = Column(String(32), nullable=False, unique=True)
    submission_key = Column(String(128), nullable=False, unique=True)
    status = Column(String(16), nullable=False, default="new", index=True)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)
    updated_at = Column(UtcDateTime(), nullable=False, default=utcnow, onupdate=utcnow)
    category = Column(String(64), nullable=False, index=True)
    description = Column(Text)  # NULL: not given
    location_text = Column(Text)
    location_postcode = Column(String(16))
    location_landmark = Column(Text)
    latitude = Column(Float)
    longitude = Column(Float)
    occurred_text = Column(Text)
    occurred_at = Column(UtcDateTime())
    # The same instant in London time with its UTC offset (ISO 8601), as the person meant it.
    occurred_at_local = Column(String(40))
    still_happening = Column(Boolean, nullable=False, default=False)
    people_description = Column(Text)
    vehicle_registration = Column(String(16))
    vehicle_text = Column(Text)
    direction = Column(Text)
    contact_consent = Column(Boolean, nullable=False, default=False)
    contact_phone = Column(Text)
    contact_email = Column(Text)
    sender_hash = Column(String(64), nullable=False)
    channel = Column(String(32), nullable=False)
    guidance_given = Column(String(64), nullable=False)
    attachments = Column(JSON, nullable=False, default=list)
    # The officer (dashboard username) who has taken the report on; None until someone does.
    assigned_to = Column(String(64), index=True)
    # The language the person wrote in (ISO 639-1).
    language = Column(String(8), nullable=False, default="en", server_default="en")

    notifications = relationship(
        "Notification", back_populates="report", cascade="all, delete-orphan", passive_deletes=True
    )
    notes = relationship("ReportNote", cascade="all, delete-orphan", passive_deletes=True)

    @classmethod
    def from_draft(cls, draft: ReportDraft, reference: str) -> Report:
        """Contact details are dropped here too unless the person consented."""
        draft = draft.consented()
        values = {f.name: getattr(draft, f.name) for f in dataclass_fields(ReportDraft)}
        values["attachments"] = list(draft.attachments)
        values["occurred_at_local"] = london_iso(draft.occurred_at)
        return cls(reference=reference, status="new", **values)

    def to_dict(self) -> dict[str, Any]:
        """The export object: every column, ISO-8601 datetimes, attachments as a list."""
        data: dict[str, Any] = {}
        for column in self.__table__.columns:
            value = getattr(self, column.key)
            data[column.key] = value.isoformat() if isinstance(value, datetime) else value
        data["attachments"] = list(self.attachments or [])
        return data


class AuditEntry(Base):
    """Who did what to which report, and when (never the report's text)."""

    __tablename__ = "report_audit"

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)
    actor = Column(String(128), nullable=False)
    action = Column(String(32), nullable=False)
    reference = Column(String(32), index=True)
    detail = Column(Text)


class OfOneReport:
    """A row with an id of its own, about one report (a note, a notification, a follow-up question),
    deleted with the report."""

    id = Column(Integer, primary_key=True)
    # SQLAlchemy copies a mixin's columns to each table, but a foreign key has to be made per table.
    report_id = declared_attr(
        lambda cls: Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True)
    )


class ReportNote(OfOneReport, Base):
    """An officer's note on a report (its own record, shown apart from the audit trail); deleted with it."""

    __tablename__ = "report_notes"

    at = Column(UtcDateTime(), nullable=False, default=utcnow)
    officer = Column(String(64), nullable=False)
    text = Column(Text, nullable=False)


class Notification(OfOneReport, Base):
    """One officer chat to tell about one report (kind "report"), or about a cluster of linked reports
    that the report joined or formed (kind "cluster", with its cluster_id); pending until sent."""

    __tablename__ = "report_notifications"

    chat_id = Column(String(64), nullable=False)
    kind = Column(String(16), nullable=False, default="report", server_default="report")
    cluster_id = Column(String(16), index=True)
    status = Column(String(16), nullable=False, default="pending", index=True)
    attempts = Column(Integer, nullable=False, default=0)
    last_error = Column(String(128))
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)
    sent_at = Column(UtcDateTime())

    report = relationship("Report", back_populates="notifications")
