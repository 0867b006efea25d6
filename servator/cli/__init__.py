"""`servator`: the project's single command-line face (run, train, validate, reports, officers, purge)."""

from __future__ import annotations

import argparse
import os
from types import ModuleType

from servator.config.constants import PRIVATE_UMASK

# `reports`, `officers` and `purge` are the storage commands, each in its module here and sharing
# `support` (exit codes, who acts, storage unreachable); `run` and `train` are servator.runner's.


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
    validate.set_defaults(
        handler=lambda args: __import__("servator.rasa_runtime.validate", fromlist=["main"]).main()
    )

    from servator.cli import officers, purge, reports

    reports.add_parser(commands)
    officers.add_parser(commands)
    purge.add_parser(commands)
    return parser


def _runner() -> ModuleType:
    """servator.runner.serve, imported only for the commands that need it (it pulls in SQLAlchemy)."""
    from servator.runner import serve

    return serve


def main(argv: list[str] | None = None) -> int:
    from servator.rasa_runtime.training import use_rasa_process_env

    use_rasa_process_env()  # `servator validate` runs Rasa in this process
    args = build_parser().parse_args(argv)
    os.umask(PRIVATE_UMASK)  # what any command creates (var/, the SQLite database, keys) is private
    return int(args.handler(args) or 0)
