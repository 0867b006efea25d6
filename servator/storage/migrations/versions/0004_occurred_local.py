"""The resolved time of a report in London time with its offset (reports.occurred_at_local).

`occurred_at` stays the UTC instant (for ordering and linking); `occurred_at_local` is the same
instant as ISO 8601 in Europe/London with its UTC offset (+00:00 GMT, +01:00 BST), the way the
person meant it. Existing reports are filled in from `occurred_at`.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LONDON = ZoneInfo("Europe/London")


def _local(value: datetime | str | None) -> str | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
    return moment.astimezone(LONDON).isoformat()


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("occurred_at_local", sa.String(40)))
    reports = sa.table(
        "reports",
        sa.column("id", sa.Integer),
        sa.column("occurred_at", sa.DateTime(timezone=True)),
        sa.column("occurred_at_local", sa.String(40)),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(reports.c.id, reports.c.occurred_at).where(reports.c.occurred_at.is_not(None))
    ).all()
    for report_id, occurred_at in rows:
        connection.execute(
            reports.update().where(reports.c.id == report_id).values(occurred_at_local=_local(occurred_at))
        )


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("occurred_at_local")
