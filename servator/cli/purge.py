"""`servator purge [--older-than DAYS]` (also `servator reports purge`): retention's purge
(servator.records.retention) from the command line, with the periods of the settings by default."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from servator.cli.support import add_command, officer, storage_unreachable, whole_number
from servator.config.settings import Settings
from servator.records import retention
from servator.records.retention import purge


def cmd_purge(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    report_days = settings.report_retention_days if args.older_than is None else args.older_than
    conversation_days = settings.conversation_retention_days if args.older_than is None else args.older_than
    try:
        result = purge(settings.database_url, report_days, conversation_days, officer(), settings)
    except (SQLAlchemyError, OSError) as error:
        return storage_unreachable("purge", error)
    print(result.summary())
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str = "purge") -> None:
    """`servator purge [--older-than DAYS]` (also added as `servator reports purge`)."""

    purge_command = add_command(
        commands,
        name,
        "delete reports, conversations and everything else past its retention period",
        retention.__doc__,
        cmd_purge,
    )
    purge_command.add_argument(
        "--older-than",
        type=whole_number,
        metavar="DAYS",
        help="one period for both (default: REPORT_RETENTION_DAYS for reports, CONVERSATION_RETENTION_DAYS for conversations)",
    )
