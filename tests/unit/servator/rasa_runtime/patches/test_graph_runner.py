"""Rasa's graph run without dask: each node once, after the nodes it needs, and only what the targets need."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from servator.rasa_runtime.patches.graph_runner import run_graph_in_order


def runner_of(needs: dict[str, dict[str, str]], targets: list[str]) -> tuple[SimpleNamespace, list[str]]:
    """A stand-in DaskGraphRunner: node name -> {argument: the node or input it needs}."""
    ran: list[str] = []
    nodes = {name: SimpleNamespace(needs=wanted) for name, wanted in needs.items()}

    def minimal(wanted: list[str]) -> SimpleNamespace:
        return SimpleNamespace(nodes=nodes)

    def node(name: str):
        def run(*given):
            ran.append(name)
            return name, f"{name}({', '.join(str(value[1]) for value in given)})"  # as a GraphNode answers

        return run

    schema = SimpleNamespace(nodes=nodes, target_names=targets, minimal_graph_schema=minimal)
    runner = SimpleNamespace(_graph_schema=schema, _instantiated_nodes={name: node(name) for name in needs})
    return runner, ran


def test_nodes_run_once_after_what_they_need_and_give_the_targets_outputs():
    runner, ran = runner_of(
        {"read": {"text": "message"}, "tokens": {"r": "read"}, "intent": {"t": "tokens", "r": "read"}},
        ["intent"],
    )
    result = run_graph_in_order(runner, inputs={"message": "hello"})
    assert ran == ["read", "tokens", "intent"]
    assert result == {"intent": "intent(tokens(read(hello)), read(hello))"}


def test_only_the_nodes_the_asked_targets_need_are_run():
    runner, ran = runner_of({"a": {}, "b": {"x": "a"}, "c": {}}, ["b", "c"])
    assert set(run_graph_in_order(runner, targets=["c"])) == {"c"}
    assert ran == ["c"]


def test_an_input_named_like_a_node_is_refused_as_rasa_does():
    from rasa.engine.exceptions import GraphRunError

    runner, ran = runner_of({"a": {}}, ["a"])
    with pytest.raises(GraphRunError):
        run_graph_in_order(runner, inputs={"message": "a"})
    assert ran == []
