"""Officer dashboard: officer_accounts, officer_sessions, officer_sign_in_failures; the queue's indexes on reports.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "officer_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_officer_accounts"),
        sa.UniqueConstraint("username", name="uq_officer_accounts_username"),
    )
    op.create_table(
        "officer_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_officer_sessions"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["officer_accounts.id"],
            ondelete="CASCADE",
            name="fk_officer_sessions_account_id_officer_accounts",
        ),
    )
    op.create_index("ix_officer_sessions_account_id", "officer_sessions", ["account_id"])
    op.create_index("ix_officer_sessions_last_seen_at", "officer_sessions", ["last_seen_at"])
    op.create_table(
        "officer_sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("address_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_officer_sign_in_failures"),
    )
    for column in ("at", "username", "address_hash"):
        op.create_index(f"ix_officer_sign_in_failures_{column}", "officer_sign_in_failures", [column])

    op.create_index("ix_reports_queue", "reports", ["status", "still_happening", "created_at"])
    op.create_index("ix_reports_category", "reports", ["category"])


def downgrade() -> None:
    op.drop_index("ix_reports_category", "reports")
    op.drop_index("ix_reports_queue", "reports")
    op.drop_table("officer_sign_in_failures")
    op.drop_table("officer_sessions")
    op.drop_table("officer_accounts")
