"""Held-out NLU evaluation, shared by the quality tests and `make bench`.

The held-out files under tests/data/ are never trained on: `tests/data/nlu_heldout.yml` (intents, with
retrieval sub-intents such as faq/aim), and the emergency / non-emergency sets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reading.intents import EMERGENCY_INTENT
from servator.config.constants import ROOT

HELDOUT_DIR = ROOT / "tests" / "data"

RETRIEVAL_INTENTS = {"faq", "contact"}
Parse = Callable[[str], dict[str, Any]]


def label(result: dict[str, Any]) -> str:
    """Intent name, with the selected response key for retrieval intents (faq/aim, contact/deaf)."""
    intent = str(result["intent"]["name"])
    if intent in RETRIEVAL_INTENTS:
        selectors = result.get("response_selector", {})
        selected = selectors.get(intent) or selectors.get("default", {})
        return str(selected.get("response", {}).get("intent_response_key") or intent)
    return intent


def heldout_examples(path: Path = HELDOUT_DIR / "nlu_heldout.yml") -> list[tuple[str, str]]:
    """(text, expected label) pairs from a Rasa NLU file."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("text"), m.get("intent_response_key") or m.get("intent")) for m in data.intent_examples]


def heldout_list(name: str) -> list[str]:
    """The `examples:` list of tests/data/<name> (the emergency and non-emergency sets)."""
    return list(yaml.safe_load((HELDOUT_DIR / name).read_text(encoding="utf-8"))["examples"])


@dataclass
class NluScores:
    accuracy: float
    macro_f1: float
    misses: list[tuple[str, str, str]]
    emergency_recall: float
    missed_emergencies: list[str]
    false_alarm_rate: float
    false_alarms: list[str]


def evaluate(parse: Parse) -> NluScores:
    """Score a parser on every held-out set."""
    from sklearn.metrics import f1_score

    examples = heldout_examples()
    truth = [expected for _, expected in examples]
    predicted = [label(parse(text)) for text, _ in examples]
    emergencies = heldout_list("emergency_heldout.yml")
    calm = heldout_list("non_emergency_heldout.yml")
    missed = [t for t in emergencies if parse(t)["intent"]["name"] != EMERGENCY_INTENT]
    alarms = [t for t in calm if parse(t)["intent"]["name"] == EMERGENCY_INTENT]
    return NluScores(
        accuracy=sum(t == p for t, p in zip(truth, predicted)) / len(truth),
        macro_f1=float(
            f1_score(truth, predicted, average="macro", labels=sorted(set(truth)), zero_division=0)
        ),
        misses=[(text, e, p) for (text, e), p in zip(examples, predicted) if e != p],
        emergency_recall=1 - len(missed) / len(emergencies),
        missed_emergencies=missed,
        false_alarm_rate=len(alarms) / len(calm),
        false_alarms=alarms,
    )


class ModelParser:
    """parse(text) through a trained model loaded in this process (Rasa's Agent)."""

    def __init__(self, model_path: Path) -> None:
        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)  # structlog prints every parse, its text too, at debug
        self.loop = asyncio.new_event_loop()
        self.agent = Agent.load(str(model_path))

    def __call__(self, text: str) -> dict[str, Any]:
        return self.loop.run_until_complete(self.agent.parse_message(text))

    def close(self) -> None:
        self.loop.close()
