"""NLU quality on held-out data the model never saw, through the whole trained pipeline."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from sklearn.metrics import f1_score

from tests.conftest import ROOT

pytestmark = pytest.mark.rasa
RETRIEVAL_INTENTS = {"faq", "contact"}


@pytest.fixture(scope="module")
def parse(trained_model: Path):
    """parse(text) -> Rasa's parse result, from the trained model loaded in-process."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))
    loop = asyncio.new_event_loop()
    yield lambda text: loop.run_until_complete(agent.parse_message(text))
    loop.close()


def label(result: dict) -> str:
    """Intent name, with the selected response key for retrieval intents (faq/aim, contact/deaf)."""
    intent = result["intent"]["name"]
    if intent in RETRIEVAL_INTENTS:
        selected = result.get("response_selector", {}).get(intent) or result.get("response_selector", {}).get("default", {})
        return selected.get("response", {}).get("intent_response_key") or intent
    return intent


def heldout_examples():
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "tests/nlu_heldout.yml"))
    return [(m.get("text"), m.get("intent_response_key") or m.get("intent")) for m in data.intent_examples]


def test_heldout_intent_macro_f1_at_least_0_90(parse):
    examples = heldout_examples()
    truth = [expected for _, expected in examples]
    predicted = [label(parse(text)) for text, _ in examples]
    score = f1_score(truth, predicted, average="macro", labels=sorted(set(truth)), zero_division=0)
    misses = [(t, e, p) for (t, e), p in zip(examples, predicted) if e != p]
    print(f"held-out macro-F1 {score:.3f} on {len(examples)} examples; {len(misses)} misses")
    assert score >= 0.90, f"macro-F1 {score:.3f}; misses: {misses[:40]}"


def _load(name: str):
    return yaml.safe_load((ROOT / "tests" / name).read_text())["examples"]


def test_every_heldout_emergency_is_an_emergency_through_the_pipeline(parse):
    missed = [text for text in _load("emergency_heldout.yml") if parse(text)["intent"]["name"] != "emergency"]
    assert missed == []


def test_false_alarms_through_the_pipeline_at_most_2_percent(parse):
    examples = _load("non_emergency_heldout.yml")
    alarms = [text for text in examples if parse(text)["intent"]["name"] == "emergency"]
    assert len(alarms) / len(examples) <= 0.02, alarms
