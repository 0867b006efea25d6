"""Officers' decisions on links (link_decisions), plate index keys (plate_keys) and partial plates.

plate_keys is filled for the reports already linked from their registration keys: the key with one
character left out ("D:") and reversed ("R:") for UK plates. Partial plates (report_features.
partial_plate) are read for reports linked from now on.

Revision ID: 0009
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UK_PREFIX = "U:"


def _plate_keys(registration_key: str) -> list[str]:
    body = registration_key[len(UK_PREFIX) :]
    return sorted({"D:" + body[:i] + body[i + 1 :] for i in range(len(body))}) + ["R:" + body[::-1]]


def upgrade() -> None:
    with op.batch_alter_table("report_features") as batch:
        batch.add_column(sa.Column("partial_plate", sa.String(16)))
    op.create_table(
        "plate_keys",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("report_id", "key", name="pk_plate_keys"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], ondelete="CASCADE", name="fk_plate_keys_report_id_reports"
        ),
    )
    op.create_index("ix_plate_keys_key", "plate_keys", ["key", "occurred_at"])
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_a", sa.Integer(), nullable=False),
        sa.Column("report_b", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("officer", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_decisions"),
        sa.UniqueConstraint("report_a", "report_b", name="uq_link_decisions_pair"),
        sa.ForeignKeyConstraint(
            ["report_a"], ["reports.id"], ondelete="CASCADE", name="fk_link_decisions_report_a_reports"
        ),
        sa.ForeignKeyConstraint(
            ["report_b"], ["reports.id"], ondelete="CASCADE", name="fk_link_decisions_report_b_reports"
        ),
    )
    op.create_index("ix_link_decisions_report_b", "link_decisions", ["report_b"])
    _fill_plate_keys()


def _fill_plate_keys() -> None:
    features = sa.table(
        "report_features",
        sa.column("report_id", sa.Integer),
        sa.column("registration_key", sa.String),
        sa.column("occurred_at", sa.DateTime(timezone=True)),
    )
    keys = sa.table(
        "plate_keys",
        sa.column("report_id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("occurred_at", sa.DateTime(timezone=True)),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(features.c.report_id, features.c.registration_key, features.c.occurred_at).where(
            features.c.registration_key.like(UK_PREFIX + "%")
        )
    ).all()
    values = [
        {"report_id": report_id, "key": key, "occurred_at": occurred_at}
        for report_id, registration_key, occurred_at in rows
        for key in _plate_keys(registration_key)
    ]
    if values:
        connection.execute(keys.insert(), values)


def downgrade() -> None:
    op.drop_index("ix_link_decisions_report_b", "link_decisions")
    op.drop_table("link_decisions")
    op.drop_index("ix_plate_keys_key", "plate_keys")
    op.drop_table("plate_keys")
    with op.batch_alter_table("report_features") as batch:
        batch.drop_column("partial_plate")
