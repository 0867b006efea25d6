"""The bench's understanding figures: intent accuracy on the held-out set, emergency recall and false
alarms, the blind sets (tests/data/blind/) and the other languages' sets."""

from __future__ import annotations

import time
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
    }


def danger_detector_speed() -> float:
    """The English danger detector alone, microseconds per held-out message (best of three passes)."""
    from reading.danger import DangerDetector
    from servator.config.constants import ROOT

    texts = [
        text
        for name in ("emergency_heldout.yml", "non_emergency_heldout.yml")
        for text in yaml.safe_load((ROOT / "tests" / "data" / name).read_text())["examples"]
    ]
    detector = DangerDetector()
    for text in texts:  # warm up
        detector.detect(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            detector.detect(text)
        best = min(best, (time.perf_counter() - started) / len(texts))
    return round(best * 1e6, 1)


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
