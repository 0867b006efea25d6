"""What the storage commands (`reports`, `officers`, `purge`) share: exit codes, who acts, and the
message when the database cannot be reached."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from servator.config.settings import Settings
from servator.storage import SqlUnitOfWork, ensure_schema, make_session_factory

EXIT_USAGE = 2
EXIT_UNKNOWN_REFERENCE = 3
EXIT_STORAGE = 5


class CommandRefused(Exception):
    """A command refuses what it was given (a bad date, an unknown reference): `code` is the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def officer() -> str:
    """SERVATOR_OFFICER, else the login name: who the audit trail says did it."""
    name = Settings.from_env().officer_name
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return f"cli:{name}"


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    doc: str | None,
    handler: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """`servator NAME` (`summary` in the list of commands, `doc` as written in its --help), run by `handler`."""
    parser = commands.add_parser(
        name, help=summary, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.set_defaults(handler=handler)
    return parser


def whole_number(text: str) -> int:
    """An argparse type: a count of days or items, 0 or more."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError("cannot be negative")
    return days


def storage_unreachable(command: str, error: Exception) -> int:
    """Says on stderr that `servator COMMAND` could not reach the database (the error's kind only,
    never its text, which may carry the URL's password); the exit code for it."""
    print(
        f"servator {command}: storage unreachable ({type(error).__name__}); check DATABASE_URL",
        file=sys.stderr,
    )
    return EXIT_STORAGE


def run_storage_command(
    command: str, work: Callable[[], int], refused: type[Exception] = CommandRefused
) -> int:
    """Runs `servator COMMAND`'s `work` and returns its exit code. A refusal (CommandRefused, or the
    command's own `refused` kind, exit 2) is said on stderr; so is a database that cannot be reached."""
    try:
        return work()
    except (CommandRefused, refused) as error:
        print(f"servator {command}: {error}", file=sys.stderr)
        return error.code if isinstance(error, CommandRefused) else EXIT_USAGE
    except (SQLAlchemyError, OSError) as error:
        return storage_unreachable(command, error)


def in_one_unit_of_work(handler: Callable[[SqlUnitOfWork], int]) -> int:
    """Opens the database of DATABASE_URL (its schema made or brought up to date), runs `handler` in
    one unit of work, and closes the connections; storage errors propagate to the caller."""
    database_url = Settings.from_env().database_url
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    try:
        with SqlUnitOfWork(sessions) as uow:
            return handler(uow)
    finally:
        sessions.kw["bind"].dispose()
