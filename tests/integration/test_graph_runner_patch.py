"""The graph runner patch on the real trained model: the same NLU and dialogue outputs as dask's."""

from __future__ import annotations

from pathlib import Path

import pytest

from servator import rasa_patches
from servator.rasa_patches.graph_runner import SYMBOL, run_graph_in_order


@pytest.mark.rasa
def test_graph_runs_in_order_give_what_dask_gives(trained_model: Path):
    """The trained model's NLU and dialogue graphs, run both ways, answer the same."""
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.trackers import DialogueStateTracker

    agent = Agent.load(str(trained_model))
    runner = agent.processor.graph_runner
    assert isinstance(runner, DaskGraphRunner)
    metadata = agent.processor.model_metadata
    dask_run = (
        DaskGraphRunner.run
        if DaskGraphRunner.run is not run_graph_in_order
        else rasa_patches.ORIGINALS[SYMBOL]
    )
    for text in ("what is project servator", "a man is filming the gate", "someone has a knife", "hello"):

        def inputs(text: str = text) -> dict:
            return {
                "__message__": [UserMessage(text)],
                "__tracker__": DialogueStateTracker("x", agent.domain.slots),
            }

        theirs = dask_run(runner, inputs(), [metadata.nlu_target])[metadata.nlu_target][0]
        ours = run_graph_in_order(runner, inputs(), [metadata.nlu_target])[metadata.nlu_target][0]
        assert ours.as_dict(only_output_properties=True) == theirs.as_dict(only_output_properties=True)
    tracker = DialogueStateTracker("x", agent.domain.slots)
    theirs = dask_run(runner, {"__tracker__": tracker}, [metadata.core_target])[metadata.core_target]
    ours = run_graph_in_order(runner, {"__tracker__": tracker}, [metadata.core_target])[metadata.core_target]
    assert ours.probabilities == theirs.probabilities and ours.policy_name == theirs.policy_name
