"""Photos of reports: report_attachments (the cleaned copy, the SHA-256 of the original and of the copy).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("report_id", sa.Integer()),
        sa.Column("sender_hash", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("original_bytes", sa.Integer(), nullable=False),
        sa.Column("original_type", sa.String(16), nullable=False),
        sa.Column("cleaned_sha256", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(32), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("location_removed", sa.Boolean(), nullable=False),
        sa.Column("rough_latitude", sa.Float()),
        sa.Column("rough_longitude", sa.Float()),
        sa.Column("cleaned", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_attachments"),
        sa.UniqueConstraint("token", name="uq_report_attachments_token"),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            ondelete="CASCADE",
            name="fk_report_attachments_report_id_reports",
        ),
    )
    op.create_index("ix_report_attachments_report_id", "report_attachments", ["report_id"])
    op.create_index("ix_report_attachments_received_at", "report_attachments", ["received_at"])
    op.create_index("ix_report_attachments_sender_hash", "report_attachments", ["sender_hash", "report_id"])


def downgrade() -> None:
    op.drop_table("report_attachments")
