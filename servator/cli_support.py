"""What the storage commands (`reports`, `officers`, `purge`) share: exit codes, who acts, and the
message when the database cannot be reached."""

from __future__ import annotations

import argparse
import getpass
import sys

from servator.settings import Settings

EXIT_UNKNOWN_REFERENCE = 3
EXIT_STORAGE = 5


def officer() -> str:
    """SERVATOR_OFFICER, else the login name: who the audit trail says did it."""
    name = Settings.from_env().officer_name
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return f"cli:{name}"


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
