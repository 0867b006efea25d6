"""The graph runner patch on the real trained model: the same NLU and dialogue outputs as dask's."""

from __future__ import annotations

from pathlib import Path

import pytest

from servator.rasa_runtime import patches as rasa_patches
from servator.rasa_runtime.patches.graph_runner import SYMBOL, run_graph_in_order


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


@pytest.mark.rasa
def test_both_runners_hand_the_conversation_to_the_form_answer_gate(trained_model: Path):
    """FormAnswerGate's `process(messages, tracker)` gets the tracker from either runner."""
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    agent = Agent.load(str(trained_model))
    runner = agent.processor.graph_runner
    target = agent.processor.model_metadata.nlu_target
    dask_run = (
        DaskGraphRunner.run
        if DaskGraphRunner.run is not run_graph_in_order
        else rasa_patches.ORIGINALS[SYMBOL]
    )
    in_form = DialogueStateTracker.from_events(
        "x",
        [
            ActionExecuted("action_listen"),
            ActiveLoop("report_form"),
            SlotSet("requested_slot", "report_description"),
        ],
        agent.domain.slots,
    )
    for run in (dask_run, run_graph_in_order):
        inputs = {
            "__message__": [UserMessage("Filming CCTV; '; DROP TABLE reports; --")],
            "__tracker__": in_form,
        }
        parsed = run(runner, inputs, [target])[target][0]
        assert parsed.get("intent")["name"] == "inform", run
