"""NLU quality on held-out data the model never saw, through the whole trained pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.nlu_eval import ModelParser, NluScores, evaluate

pytestmark = pytest.mark.rasa


@pytest.fixture(scope="module")
def scores(trained_model: Path) -> NluScores:
    """Every held-out set scored once through the trained model."""
    parser = ModelParser(trained_model)
    try:
        return evaluate(parser)
    finally:
        parser.close()


def test_heldout_intent_macro_f1_at_least_0_90(scores):
    print(
        f"held-out macro-F1 {scores.macro_f1:.3f}, accuracy {scores.accuracy:.3f}; {len(scores.misses)} misses"
    )
    assert scores.macro_f1 >= 0.90, f"macro-F1 {scores.macro_f1:.3f}; misses: {scores.misses[:40]}"


def test_every_heldout_emergency_is_an_emergency_through_the_pipeline(scores):
    assert scores.missed_emergencies == []


def test_false_alarms_through_the_pipeline_at_most_2_percent(scores):
    assert scores.false_alarm_rate <= 0.02, scores.false_alarms
