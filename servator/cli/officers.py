"""`servator officers ...`: the officer dashboard's accounts (add, list, disable).

`servator officers add NAME --password-stdin` reads the password from standard input (one line;
typed at a prompt without echo when standard input is a terminal), so it never appears in the
shell history or the process list. Every change is written to the audit table as `cli:<login>`.
Exit codes: 0 ok, 2 usage or a refused name or password, 3 unknown officer, 5 storage unreachable.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from servator.cli.support import (
    EXIT_UNKNOWN_REFERENCE,
    add_command,
    in_one_unit_of_work,
    officer,
    run_storage_command,
)
from servator.storage import SqlUnitOfWork
from servator.storage.accounts import AccountError, add_officer, disable_officer, officers


def read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("The same again: "):
            raise AccountError("The two passwords differ; nothing was changed.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_add(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    if not args.password_stdin:
        raise AccountError("Please give the password on standard input with --password-stdin.")
    added = add_officer(uow.session, args.username, read_password())
    uow.audit.record(officer(), "officer_add", detail=f"officer={added.username}")
    uow.commit()
    print(f"Officer {added.username!r} added; they can sign in to the dashboard now.")
    return 0


def cmd_list(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    found = officers(uow.session)
    for account in found:
        last = account.last_sign_in_at.isoformat(timespec="seconds") if account.last_sign_in_at else "never"
        state = "disabled" if account.disabled else "active"
        print("\t".join([account.username, state, account.created_at.isoformat(timespec="seconds"), last]))
    print(f"{len(found)} officer(s)", file=sys.stderr)
    return 0


def cmd_disable(uow: SqlUnitOfWork, args: argparse.Namespace) -> int:
    if not disable_officer(uow.session, args.username):
        print(f"servator officers: there is no officer called {args.username!r}", file=sys.stderr)
        return EXIT_UNKNOWN_REFERENCE
    uow.audit.record(officer(), "officer_disable", detail=f"officer={args.username.strip().lower()}")
    uow.commit()
    print(f"Officer {args.username.strip().lower()!r} disabled and signed out everywhere.")
    return 0


def run(args: argparse.Namespace) -> int:
    return run_storage_command(
        "officers",
        lambda: in_one_unit_of_work(lambda uow: int(args.officers_handler(uow, args))),
        AccountError,
    )


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `officers` and its subcommands to the `servator` parser."""
    parser = add_command(commands, "officers", "officer dashboard accounts: add, list, disable", __doc__, run)
    actions = parser.add_subparsers(dest="officers_command", required=True)
    add = actions.add_parser("add", help="a new account (password from standard input)")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(officers_handler=cmd_add)
    listing = actions.add_parser("list", help="every account: name, state, created, last sign-in")
    listing.set_defaults(officers_handler=cmd_list)
    disable = actions.add_parser("disable", help="stop an account signing in (and end its sessions)")
    disable.add_argument("username", metavar="USERNAME")
    disable.set_defaults(officers_handler=cmd_disable)
