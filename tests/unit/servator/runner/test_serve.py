"""`servator run`: the stack is stopped whatever ends it, and a person is told why."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from servator.runner import serve


class Child:
    def __init__(self, exits_after: int | None) -> None:
        self.polls, self.exits_after = 0, exits_after

    def poll(self) -> int | None:
        self.polls += 1
        return 1 if self.exits_after is not None and self.polls > self.exits_after else None


class FakeSupervisor:
    def __init__(self, child: Child) -> None:
        self.children, self.stopped = [child], 0

    def stop(self) -> None:
        self.stopped += 1


@pytest.fixture
def stack(monkeypatch, tmp_path):
    """start_stack gives a supervisor of one child that exits after two looks; Rasa starts."""
    monkeypatch.setenv("SERVATOR_VAR_DIR", str(tmp_path))
    supervisor = FakeSupervisor(Child(exits_after=2))
    monkeypatch.setattr(serve.signal, "signal", lambda *_: None)
    monkeypatch.setattr(serve.time, "sleep", lambda _: None)
    monkeypatch.setattr(serve, "start_stack", lambda *_: supervisor)
    monkeypatch.setattr(serve, "rasa_ready", lambda *_: True)
    monkeypatch.setattr(serve, "start_front_ends", lambda *_: ["Web chat: http://127.0.0.1:8080/"])
    return supervisor


def test_a_child_that_exits_stops_the_rest_and_says_so(stack, capsys):
    assert serve.serve(Path("model.tar.gz")) == 1
    out, err = capsys.readouterr()
    assert "Servator Assistant is running." in out and "Web chat: http://127.0.0.1:8080/" in out
    assert "A service stopped unexpectedly" in err
    assert stack.stopped == 1


def test_rasa_not_starting_is_said_and_the_stack_is_stopped(stack, monkeypatch, capsys):
    monkeypatch.setattr(serve, "rasa_ready", lambda *_: False)
    assert serve.serve(Path("model.tar.gz")) == 1
    assert "Rasa did not start" in capsys.readouterr().err
    assert stack.stopped == 1


def test_ctrl_c_stops_the_stack_and_exits_0(stack, monkeypatch, capsys):
    def interrupted(_):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.time, "sleep", interrupted)
    assert serve.serve(Path("model.tar.gz")) == 0
    assert "Stopping..." in capsys.readouterr().out
    assert stack.stopped == 1


def test_train_passes_the_config_and_force_on(monkeypatch):
    asked = []
    monkeypatch.setattr(serve, "train_if_needed", lambda **options: asked.append(options))
    assert serve.train(argparse.Namespace(config="other.yml", force=True)) == 0
    assert asked == [{"config": "other.yml", "force": True}]
