"""`servator`: the project's single command-line face (run, train, validate, reports, officers, purge)."""

from __future__ import annotations

import argparse
import os
import sys
from types import ModuleType

from servator.settings import PRIVATE_UMASK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="servator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="train if the inputs changed, then serve everything")
    run.set_defaults(handler=lambda args: _runner().run(args))

    train = commands.add_parser("train", help="train the model if config, domain or data changed")
    train.add_argument("--config", default="config.yml")
    train.add_argument("--force", action="store_true")
    train.set_defaults(handler=lambda args: _runner().train(args))

    validate = commands.add_parser("validate", help="rasa data validate, failing on warnings")
    validate.set_defaults(handler=lambda args: __import__("servator.validate", fromlist=["main"]).main())

    from servator import officers_cli, reports_cli, retention

    reports_cli.add_parser(commands)
    officers_cli.add_parser(commands)
    retention.add_parser(commands)
    return parser


def _runner() -> ModuleType:
    """servator.runner, imported only for the commands that need it (it pulls in SQLAlchemy)."""
    from servator import runner

    return runner


def main(argv: list[str] | None = None) -> int:
    from servator.training import use_rasa_process_env

    use_rasa_process_env()  # `servator validate` runs Rasa in this process
    args = build_parser().parse_args(argv)
    os.umask(PRIVATE_UMASK)  # what any command creates (var/, the SQLite database, keys) is private
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
