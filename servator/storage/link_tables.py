"""Tables for linked reports: per-report linking features, links between reports, clusters of linked reports.

Kept beside the report tables (same metadata, same migrations); servator/linking computes and
queries them. Rows follow their report: deleting a report deletes its features and links.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)

from servator.storage.models import Base, UtcDateTime, utcnow


class LinkCluster(Base):
    """Reports connected by links. `score` combines every link in it; `alerted_size` is its size when
    officers were last told (it alerts again only when it grows beyond that)."""

    __tablename__ = "link_clusters"

    id = Column(String(16), primary_key=True)
    score = Column(Float, nullable=False)
    size = Column(Integer, nullable=False)
    first_seen = Column(UtcDateTime(), nullable=False)
    last_seen = Column(UtcDateTime(), nullable=False, index=True)
    alerted_size = Column(Integer, nullable=False, default=0)
    alerted_at = Column(UtcDateTime())
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)
    updated_at = Column(UtcDateTime(), nullable=False, default=utcnow, onupdate=utcnow)


class ReportFeatures(Base):
    """What linking compares, computed once per report right after it is stored.

    `linked_at` is null until the report has been linked; `link_attempts`, `next_attempt_at` and
    `last_error` (an exception class name, never text) drive the retry sweep.
    """

    __tablename__ = "report_features"
    __table_args__ = (
        UniqueConstraint("reference", name="uq_report_features_reference"),
        Index("ix_report_features_occurred_at", "occurred_at"),
        Index("ix_report_features_registration_key", "registration_key", "occurred_at"),
        Index("ix_report_features_place_id", "place_id", "occurred_at"),
        Index("ix_report_features_place_cell", "place_cell", "occurred_at"),
        # Covers the description rule's candidate query (window, box, vector) without touching the table.
        Index(
            "ix_report_features_area_cell",
            "area_cell",
            "occurred_at",
            "lat",
            "lon",
            "postcode_sector",
            "vector",
        ),
        Index("ix_report_features_postcode", "postcode", "occurred_at"),
        Index("ix_report_features_postcode_district", "postcode_district", "occurred_at"),
        Index("ix_report_features_cluster_id", "cluster_id"),
        Index("ix_report_features_linked_at", "linked_at"),
    )

    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    reference = Column(String(32), nullable=False)
    occurred_at = Column(UtcDateTime(), nullable=False)
    category = Column(String(64), nullable=False)
    urgent = Column(Boolean, nullable=False, default=False)
    registration = Column(String(24))
    registration_key = Column(String(32))
    partial_plate = Column(String(16))  # part of a plate as said: "KX19*" (starts with) or "*PLM" (ends with)
    place_id = Column(String(64))
    postcode = Column(String(10))
    postcode_district = Column(String(8))
    postcode_sector = Column(String(10))
    point_lat = Column(Float)
    point_lon = Column(Float)
    lat = Column(Float)
    lon = Column(Float)
    place_cell = Column(String(24))
    area_cell = Column(String(24))
    vector = Column(LargeBinary)
    computed_at = Column(UtcDateTime())
    linked_at = Column(UtcDateTime())
    link_attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(UtcDateTime())
    last_error = Column(String(64))
    cluster_id = Column(String(16), ForeignKey("link_clusters.id", ondelete="SET NULL"))


class ReportLink(Base):
    """One rule that connects a report (the later-linked one) to another, with its score and reason."""

    __tablename__ = "report_links"
    __table_args__ = (
        UniqueConstraint("report_id", "other_id", "rule", name="uq_report_links_report_id"),
        Index("ix_report_links_other_id", "other_id"),
    )

    id = Column(Integer, primary_key=True)
    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False)
    other_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False)
    rule = Column(String(16), nullable=False)
    score = Column(Float, nullable=False)
    reason = Column(Text, nullable=False)
    created_at = Column(UtcDateTime(), nullable=False, default=utcnow)


class PlateKey(Base):
    """Index keys of one report's registration (servator/linking/plate_keys.py): deletion-neighbourhood
    keys and the reversed plate of a whole UK plate, or the start or end of a partial one."""

    __tablename__ = "plate_keys"
    __table_args__ = (Index("ix_plate_keys_key", "key", "occurred_at"),)

    report_id = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    key = Column(String(32), primary_key=True)
    occurred_at = Column(UtcDateTime(), nullable=False)


class LinkDecision(Base):
    """An officer's word on a pair of reports: "confirmed" (the link is real) or "rejected" (they are not
    linked, and never link again). `report_a` is the lower report id of the pair."""

    __tablename__ = "link_decisions"
    __table_args__ = (
        UniqueConstraint("report_a", "report_b", name="uq_link_decisions_pair"),
        Index("ix_link_decisions_report_b", "report_b"),
    )

    id = Column(Integer, primary_key=True)
    report_a = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False)
    report_b = Column(Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False)
    decision = Column(String(16), nullable=False)
    officer = Column(String(64), nullable=False)
    reason = Column(Text)  # the rejected link's reason, kept for the officers who look again
    decided_at = Column(UtcDateTime(), nullable=False, default=utcnow)
