"""The photos of reports (`report_attachments`): only the cleaned copy, its hashes and where it came from.

A photo is written here as soon as a front end has checked and cleaned it (servator/photos), while
the report is still being made: `report_id` is empty and `sender_hash` names the conversation.
Submitting the report claims it (sets `report_id`); cancelling, `/forget` and the conversation
retention delete what was never claimed; deleting a report deletes its photos (ON DELETE CASCADE,
and explicitly in every purge). The original as received is never stored: only its SHA-256.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import deferred

from servator.storage.models import Base, UtcDateTime, utcnow

# The only content types a stored photo is served with (the cleaned copy is re-encoded as one of them).
IMAGE_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp")
THUMBNAIL_CONTENT_TYPE = "image/jpeg"


class Attachment(Base):
    __tablename__ = "report_attachments"
    __table_args__ = (Index("ix_report_attachments_sender_hash", "sender_hash", "report_id"),)

    id = Column(Integer, primary_key=True)
    # Random and url-safe: the id the front end hands Rasa, and the dashboard's link.
    token = Column(String(64), nullable=False, unique=True)
    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    sender_hash = Column(String(64), nullable=False)
    channel = Column(String(16), nullable=False)
    received_at = Column(UtcDateTime(), nullable=False, default=utcnow, index=True)
    original_sha256 = Column(String(64), nullable=False)
    original_bytes = Column(Integer, nullable=False)
    original_type = Column(String(16), nullable=False)
    cleaned_sha256 = Column(String(64), nullable=False)
    content_type = Column(String(32), nullable=False)
    width = Column(Integer, nullable=False)
    height = Column(Integer, nullable=False)
    # Officer-only: the photo carried a GPS position (removed from the image), rounded to about 100 m.
    location_removed = Column(Boolean, nullable=False, default=False)
    rough_latitude = Column(Float)
    rough_longitude = Column(Float)
    cleaned = deferred(Column(LargeBinary, nullable=False))
    thumbnail = deferred(Column(LargeBinary, nullable=False))
