"""Triage: who a report is assigned to (reports.assigned_to) and officers' notes (report_notes).

Notes were kept only in the audit trail's status entries ("status new -> reviewed; note: ...");
those are copied into report_notes, so every report's notes read in one place. The audit entries
stay as they were.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NOTE_MARK = "; note: "
OFFICER_PREFIX = "officer:"


def _utc(value: datetime | str | None) -> datetime:
    if value is None:
        return datetime.now(timezone.utc)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("assigned_to", sa.String(64)))
        batch.create_index("ix_reports_assigned_to", ["assigned_to"])
    op.create_table(
        "report_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_notes"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], ondelete="CASCADE", name="fk_report_notes_report_id_reports"
        ),
    )
    op.create_index("ix_report_notes_report_id", "report_notes", ["report_id"])
    _copy_notes_from_the_audit_trail()


def _copy_notes_from_the_audit_trail() -> None:
    audit = sa.table(
        "report_audit",
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("reference", sa.String),
        sa.column("detail", sa.Text),
    )
    reports = sa.table("reports", sa.column("id", sa.Integer), sa.column("reference", sa.String))
    notes = sa.table(
        "report_notes",
        sa.column("report_id", sa.Integer),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("officer", sa.String),
        sa.column("text", sa.Text),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(reports.c.id, audit.c.at, audit.c.actor, audit.c.detail)
        .join(reports, reports.c.reference == audit.c.reference)
        .where(audit.c.action == "status", audit.c.detail.like(f"%{NOTE_MARK}%"))
    ).all()
    for report_id, at, actor, detail in rows:
        text = str(detail).split(NOTE_MARK, 1)[1].strip()
        officer = str(actor).removeprefix(OFFICER_PREFIX)[:64]
        if text:
            connection.execute(
                notes.insert().values(report_id=report_id, at=_utc(at), officer=officer, text=text)
            )


def downgrade() -> None:
    op.drop_index("ix_report_notes_report_id", "report_notes")
    op.drop_table("report_notes")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index("ix_reports_assigned_to")
        batch.drop_column("assigned_to")
