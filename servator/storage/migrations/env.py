"""Alembic environment: only the report tables, in their own version table (Rasa shares the database)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

# The linking tables and the dashboard's belong to the same metadata.
from servator.storage import attachment_tables, followup_tables, link_tables, officer_tables  # noqa: F401
from servator.storage.engine import VERSION_TABLE, _sqlite_folder, create_storage_engine
from servator.storage.models import Base

OUR_TABLES = set(Base.metadata.tables)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Autogenerate must never touch Rasa's tables (events, ...)."""
    if type_ == "table":
        return name in OUR_TABLES
    table = getattr(obj, "table", None)
    return table is None or table.name in OUR_TABLES


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("offline (--sql) mode is not supported; pass a database with -x url=...")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("no database URL: pass one with -x url=... or set sqlalchemy.url")
    _sqlite_folder(url)
    engine = create_storage_engine(url, statement_timeout_ms=0)
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()


main()
