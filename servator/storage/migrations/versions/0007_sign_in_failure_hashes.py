"""Failed sign-ins keep a keyed hash of the username typed, never the text itself.

What was typed into the username box may be a password; the rows kept so far are deleted (they
only count failures of the last minutes) and the column becomes `username_hash`.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "officer_sign_in_failures"


def upgrade() -> None:
    _replace_column("username", "username_hash")


def downgrade() -> None:
    _replace_column("username_hash", "username")


def _replace_column(old: str, new: str) -> None:
    """The failures kept so far are deleted, and column `old` (with its index) becomes `new`."""
    op.execute(sa.text(f"DELETE FROM {TABLE}"))
    op.drop_index(f"ix_{TABLE}_{old}", TABLE)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column(old)
        batch.add_column(sa.Column(new, sa.String(64), nullable=False, server_default=""))
    op.create_index(f"ix_{TABLE}_{new}", TABLE, [new])
