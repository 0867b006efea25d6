"""Anonymous follow-up (docs/followup.md): follow-up codes (argon2 hashes), officers' questions and the
reporters' answers, reporters' Telegram chats (encrypted), and failed code checks.

Revision ID: 0008
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _report_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["report_id"], ["reports.id"], ondelete="CASCADE", name=f"fk_{table}_report_id_reports"
    )


def upgrade() -> None:
    op.create_table(
        "followup_codes",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(256), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("report_id", name="pk_followup_codes"),
        _report_fk("followup_codes"),
    )
    op.create_table(
        "followup_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("asked_by", sa.String(64), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True)),
        sa.Column("pushed_message_id", sa.Integer()),
        sa.Column("answer", sa.Text()),
        sa.Column("answered_at", sa.DateTime(timezone=True)),
        sa.Column("answer_channel", sa.String(32)),
        sa.Column("answer_seen_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_followup_questions"),
        _report_fk("followup_questions"),
    )
    op.create_index("ix_followup_questions_report_id", "followup_questions", ["report_id"])
    op.create_table(
        "followup_chats",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("chat_hash", sa.String(64), nullable=False),
        sa.Column("chat_token", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("report_id", name="pk_followup_chats"),
        _report_fk("followup_chats"),
    )
    op.create_index("ix_followup_chats_chat_hash", "followup_chats", ["chat_hash"])
    op.create_table(
        "followup_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reference", sa.String(32)),
        sa.Column("address_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_followup_failures"),
    )
    for column in ("at", "reference", "address_hash"):
        op.create_index(f"ix_followup_failures_{column}", "followup_failures", [column])


def downgrade() -> None:
    for table in ("followup_failures", "followup_chats", "followup_questions", "followup_codes"):
        op.drop_table(table)
