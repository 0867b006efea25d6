"""Linked reports: report_features, report_links, link_clusters; cluster alerts in the notification outbox.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_clusters",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("alerted_size", sa.Integer(), nullable=False),
        sa.Column("alerted_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_clusters"),
    )
    op.create_index("ix_link_clusters_last_seen", "link_clusters", ["last_seen"])

    op.create_table(
        "report_features",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("registration", sa.String(24)),
        sa.Column("registration_key", sa.String(32)),
        sa.Column("place_id", sa.String(64)),
        sa.Column("postcode", sa.String(10)),
        sa.Column("postcode_district", sa.String(8)),
        sa.Column("postcode_sector", sa.String(10)),
        sa.Column("point_lat", sa.Float()),
        sa.Column("point_lon", sa.Float()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("place_cell", sa.String(24)),
        sa.Column("area_cell", sa.String(24)),
        sa.Column("vector", sa.LargeBinary()),
        sa.Column("computed_at", sa.DateTime(timezone=True)),
        sa.Column("linked_at", sa.DateTime(timezone=True)),
        sa.Column("link_attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.String(64)),
        sa.Column("cluster_id", sa.String(16)),
        sa.PrimaryKeyConstraint("report_id", name="pk_report_features"),
        sa.UniqueConstraint("reference", name="uq_report_features_reference"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], ondelete="CASCADE", name="fk_report_features_report_id_reports"
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["link_clusters.id"],
            ondelete="SET NULL",
            name="fk_report_features_cluster_id_link_clusters",
        ),
    )
    for name, columns in (
        ("occurred_at", ["occurred_at"]),
        ("registration_key", ["registration_key", "occurred_at"]),
        ("place_id", ["place_id", "occurred_at"]),
        ("place_cell", ["place_cell", "occurred_at"]),
        ("area_cell", ["area_cell", "occurred_at", "lat", "lon", "postcode_sector", "vector"]),
        ("postcode", ["postcode", "occurred_at"]),
        ("postcode_district", ["postcode_district", "occurred_at"]),
        ("cluster_id", ["cluster_id"]),
        ("linked_at", ["linked_at"]),
    ):
        op.create_index(f"ix_report_features_{name}", "report_features", columns)

    op.create_table(
        "report_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_links"),
        sa.UniqueConstraint("report_id", "other_id", "rule", name="uq_report_links_report_id"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], ondelete="CASCADE", name="fk_report_links_report_id_reports"
        ),
        sa.ForeignKeyConstraint(
            ["other_id"], ["reports.id"], ondelete="CASCADE", name="fk_report_links_other_id_reports"
        ),
    )
    op.create_index("ix_report_links_other_id", "report_links", ["other_id"])

    with op.batch_alter_table("report_notifications") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="report"))
        batch.add_column(sa.Column("cluster_id", sa.String(16)))
    op.create_index("ix_report_notifications_cluster_id", "report_notifications", ["cluster_id"])


def downgrade() -> None:
    op.drop_index("ix_report_notifications_cluster_id", "report_notifications")
    with op.batch_alter_table("report_notifications") as batch:
        batch.drop_column("cluster_id")
        batch.drop_column("kind")
    op.drop_table("report_links")
    op.drop_table("report_features")
    op.drop_table("link_clusters")
