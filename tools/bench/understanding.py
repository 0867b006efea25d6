"""The bench's understanding figures: intent accuracy on the held-out set, emergency recall and false
alarms, the blind sets (tests/data/blind/) and the other languages' sets."""

from __future__ import annotations

import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from tools.nlu_eval import ModelParser, evaluate


def nlu_figures(model: Path) -> dict[str, Any]:
    parser = ModelParser(model)
    try:
        scores = evaluate(parser)
        blind = blind_figures(parser)
    finally:
        parser.close()
    return {
        "heldout_intent_accuracy": round(scores.accuracy, 4),
        "heldout_intent_macro_f1": round(scores.macro_f1, 4),
        "emergency_recall": round(scores.emergency_recall, 4),
        "false_alarm_rate": round(scores.false_alarm_rate, 4),
        "blind_sets": blind,
        "danger_detector_us_per_message": danger_detector_speed(),
        "emergency_model_us_per_message": emergency_model_speed(model),
    }


def _danger_texts() -> list[str]:
    from servator.config.constants import ROOT

    return [
        text
        for name in ("emergency_heldout.yml", "non_emergency_heldout.yml")
        for text in yaml.safe_load((ROOT / "tests" / "data" / name).read_text())["examples"]
    ]


def _per_message_us(score: Callable[[str], object], texts: list[str]) -> float:
    """Microseconds per message, best of three passes after a warm-up pass."""
    for text in texts:
        score(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            score(text)
        best = min(best, (time.perf_counter() - started) / len(texts))
    return round(best * 1e6, 1)


def danger_detector_speed() -> float:
    """The English danger detector alone, microseconds per held-out message (best of three passes)."""
    from reading.danger import DangerDetector

    return _per_message_us(DangerDetector().detect, _danger_texts())


def emergency_model_speed(model: Path) -> float | None:
    """The trained emergency model (nlu/emergency_model.py) alone, read from the model archive,
    microseconds per held-out message; None when the model has none."""
    from nlu.emergency_model import MODEL_FILE, EmergencyScorer
    from nlu.linear_model import LinearIntentModel

    with tarfile.open(model) as archive, tempfile.TemporaryDirectory() as folder:
        member = next((m for m in archive.getmembers() if m.name.endswith("/" + MODEL_FILE)), None)
        if member is None or (source := archive.extractfile(member)) is None:
            return None
        path = Path(folder) / MODEL_FILE
        path.write_bytes(source.read())
        scorer = EmergencyScorer(LinearIntentModel.load(path))
    return _per_message_us(scorer.probability, _danger_texts())


def blind_figures(parser: ModelParser) -> dict[str, Any]:
    """Each set under tests/data/blind/ (tools/blind_eval.py): its figures without the misses."""
    from tools.blind_eval import BLIND_DIR, evaluate_blind, load

    figures = {}
    for path in sorted(BLIND_DIR.glob("*.yml")):
        scores = evaluate_blind(load([path]), parser)
        figures[path.stem] = {
            name: value for name, value in asdict(scores).items() if name not in ("misses", "confusions")
        }
    return figures


def language_figures() -> dict[str, Any] | None:
    """tools.language_eval over tests/data/blind/languages/*.yml, when the sets are there."""
    from tools.language_eval import default_files, evaluate, load

    files = default_files()
    return evaluate(load(files)) if files else None
