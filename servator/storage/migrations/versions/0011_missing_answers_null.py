"""Missing answers are NULL: the words "not given" belong to the display, not to the database.

The description, the place and the time as said may be missing (NULL). Answers stored as the
placeholder "not given" become NULL; a downgrade writes the placeholder back.

Revision ID: 0011
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

PLACEHOLDER = "not given"
REQUIRED_BEFORE = ("description", "location_text", "occurred_text")
ANSWERS = (*REQUIRED_BEFORE, "people_description", "vehicle_text", "direction")


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        for column in REQUIRED_BEFORE:
            batch.alter_column(column, existing_type=sa.Text(), nullable=True)
    reports = sa.table("reports", *(sa.column(name, sa.Text()) for name in ANSWERS))
    for name in ANSWERS:
        op.execute(reports.update().where(reports.c[name] == PLACEHOLDER).values({name: None}))


def downgrade() -> None:
    reports = sa.table("reports", *(sa.column(name, sa.Text()) for name in REQUIRED_BEFORE))
    for name in REQUIRED_BEFORE:
        op.execute(reports.update().where(reports.c[name].is_(None)).values({name: PLACEHOLDER}))
    with op.batch_alter_table("reports") as batch:
        for column in REQUIRED_BEFORE:
            batch.alter_column(column, existing_type=sa.Text(), nullable=False)
