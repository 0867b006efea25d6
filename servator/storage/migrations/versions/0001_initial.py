"""Initial report tables: reports, report_audit, report_notifications.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("submission_key", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location_text", sa.Text(), nullable=False),
        sa.Column("location_postcode", sa.String(16)),
        sa.Column("location_landmark", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("occurred_text", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True)),
        sa.Column("still_happening", sa.Boolean(), nullable=False),
        sa.Column("people_description", sa.Text()),
        sa.Column("vehicle_registration", sa.String(16)),
        sa.Column("vehicle_text", sa.Text()),
        sa.Column("direction", sa.Text()),
        sa.Column("contact_consent", sa.Boolean(), nullable=False),
        sa.Column("contact_phone", sa.Text()),
        sa.Column("contact_email", sa.Text()),
        sa.Column("sender_hash", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("guidance_given", sa.String(64), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("reference", name="uq_reports_reference"),
        sa.UniqueConstraint("submission_key", name="uq_reports_submission_key"),
        sa.CheckConstraint("status IN ('new', 'reviewed', 'escalated', 'closed')", name="ck_reports_status"),
    )
    op.create_index("ix_reports_status", "reports", ["status"])
    op.create_index("ix_reports_created_at", "reports", ["created_at"])

    op.create_table(
        "report_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(32)),
        sa.Column("detail", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_report_audit"),
    )
    op.create_index("ix_report_audit_at", "report_audit", ["at"])
    op.create_index("ix_report_audit_reference", "report_audit", ["reference"])

    op.create_table(
        "report_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(128)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_report_notifications"),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            ondelete="CASCADE",
            name="fk_report_notifications_report_id_reports",
        ),
    )
    op.create_index("ix_report_notifications_report_id", "report_notifications", ["report_id"])
    op.create_index("ix_report_notifications_status", "report_notifications", ["status"])


def downgrade() -> None:
    op.drop_table("report_notifications")
    op.drop_table("report_audit")
    op.drop_table("reports")
