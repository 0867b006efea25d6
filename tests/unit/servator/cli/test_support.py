"""What the storage commands share (servator/cli/support.py): who acts, counts, and what an officer
is told when the database cannot be reached."""

from __future__ import annotations

import argparse

import pytest

from servator.cli.support import (
    EXIT_STORAGE,
    CommandRefused,
    officer,
    run_storage_command,
    storage_unreachable,
    whole_number,
)


def test_the_officer_is_servator_officer_else_the_login_name(monkeypatch):
    monkeypatch.setenv("SERVATOR_OFFICER", "pc.smith")
    assert officer() == "cli:pc.smith"
    monkeypatch.delenv("SERVATOR_OFFICER")
    monkeypatch.setattr("getpass.getuser", lambda: "alice")
    assert officer() == "cli:alice"


@pytest.mark.parametrize("text", ["-1", "ten", "1.5"])
def test_a_count_is_a_whole_number_of_zero_or_more(text):
    assert whole_number("0") == 0 and whole_number("30") == 30
    with pytest.raises(argparse.ArgumentTypeError):
        whole_number(text)


def test_storage_unreachable_names_the_kind_of_error_never_its_text(capsys):
    error = OSError("could not connect to postgresql://officer:s3cret@db/reports")
    assert storage_unreachable("reports", error) == EXIT_STORAGE == 5
    said = capsys.readouterr().err
    assert said == "servator reports: storage unreachable (OSError); check DATABASE_URL\n"
    assert "s3cret" not in said


def refuse(error: Exception) -> int:
    raise error


def test_a_storage_command_says_what_it_refused_and_exits_with_the_refusal_code(capsys):
    assert run_storage_command("reports", lambda: refuse(CommandRefused("bad date 'x'", 4))) == 4
    assert capsys.readouterr().err == "servator reports: bad date 'x'\n"
    assert run_storage_command("officers", lambda: refuse(KeyError("taken")), KeyError) == 2
    assert capsys.readouterr().err == "servator officers: 'taken'\n"
    assert run_storage_command("officers", lambda: 0, KeyError) == 0


def test_a_storage_command_that_cannot_reach_the_database_exits_5(capsys):
    assert run_storage_command("officers", lambda: refuse(OSError("secret text"))) == EXIT_STORAGE
    assert capsys.readouterr().err == "servator officers: storage unreachable (OSError); check DATABASE_URL\n"
    with pytest.raises(ValueError):
        run_storage_command("officers", lambda: refuse(ValueError("not a refusal")))
