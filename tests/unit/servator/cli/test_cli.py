"""The `servator` command: its commands, and a mistyped one refused with the usage."""

from __future__ import annotations

import pytest

from servator.cli import build_parser


def test_every_command_is_offered():
    usage = build_parser().format_help()
    for command in ("run", "train", "validate", "reports", "officers", "purge"):
        assert command in usage


def test_a_mistyped_command_is_refused_with_exit_2(capsys):
    with pytest.raises(SystemExit) as exit:
        build_parser().parse_args(["report", "list"])
    assert exit.value.code == 2
    assert "invalid choice: 'report'" in capsys.readouterr().err


def test_train_takes_its_options():
    args = build_parser().parse_args(["train", "--force", "--config", "other.yml"])
    assert (args.command, args.force, args.config) == ("train", True, "other.yml")
