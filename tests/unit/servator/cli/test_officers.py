"""`servator officers add | list | disable`: the dashboard's accounts, each change audited."""

from __future__ import annotations

import io

import pytest

from servator.cli import build_parser, officers
from servator.storage import SqlUnitOfWork, make_session_factory
from tests.support.storage_helpers import sqlite_url

PASSWORD = "correct horse battery staple"


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = sqlite_url(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SERVATOR_OFFICER", "alice")
    return url


def officers_command(*words: str, stdin: str = "") -> int:
    args = build_parser().parse_args(["officers", *words])
    sys_stdin = io.StringIO(stdin)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", sys_stdin)
        return officers.run(args)


def test_an_added_officer_is_listed_active_and_the_change_audited(database, capsys):
    assert officers_command("add", "Bob", "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert "Officer 'bob' added" in capsys.readouterr().out
    assert officers_command("list") == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.split("\t")[:2] == ["bob", "active"] and line.endswith("never")
    with SqlUnitOfWork(make_session_factory(database)) as uow:
        assert [(e.actor, e.action, e.detail) for e in uow.audit.entries()] == [
            ("cli:alice", "officer_add", "officer=bob")
        ]


def test_a_password_is_only_taken_from_standard_input(database, capsys):
    assert officers_command("add", "bob") == 2
    assert "--password-stdin" in capsys.readouterr().err
    assert officers_command("list") == 0
    assert capsys.readouterr().out == ""


def test_disabling_an_officer_and_an_unknown_one(database, capsys):
    officers_command("add", "bob", "--password-stdin", stdin=PASSWORD + "\n")
    assert officers_command("disable", "BOB") == 0
    assert "disabled" in capsys.readouterr().out
    officers_command("list")
    assert capsys.readouterr().out.split("\t")[1] == "disabled"
    assert officers_command("disable", "carol") == 3
    assert "no officer called 'carol'" in capsys.readouterr().err
