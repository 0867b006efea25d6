"""How sure the classifier must be before the assistant answers: FallbackClassifier's threshold,
chosen on held-out data (tests/data/nlu_heldout.yml and everyday_heldout.yml, never trained on).

For each threshold, a message whose top intent is less sure than it gets the "Sorry, I didn't
understand" answer (nlu_fallback). A wrong answer given with confidence is worse than asking
again, so the score counts a fallback as half a miss and a wrong answer as a whole one.

    .venv/bin/python -m tools.calibrate_fallback
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from tools.nlu_eval import HELDOUT_DIR, RETRIEVAL_INTENTS, heldout_examples

THRESHOLDS = [round(0.20 + 0.05 * step, 2) for step in range(12)]
FALLBACK = "nlu_fallback"


def _top(result: dict[str, Any]) -> tuple[str, float]:
    """The classifier's own top label and confidence (FallbackClassifier's entry left out)."""
    ranking = [r for r in result.get("intent_ranking") or [] if r["name"] != FALLBACK]
    name, confidence = ranking[0]["name"], float(ranking[0]["confidence"])
    if name in RETRIEVAL_INTENTS:
        selected = (result.get("response_selector") or {}).get(name, {})
        name = str(selected.get("response", {}).get("intent_response_key") or name)
    return name, confidence


def sweep(predictions: list[tuple[str, str, float]]) -> list[dict[str, float]]:
    rows = []
    for threshold in THRESHOLDS:
        wrong = fallback = 0
        for truth, predicted, confidence in predictions:
            if confidence < threshold:
                fallback += 1
            elif predicted != truth:
                wrong += 1
        total = len(predictions)
        rows.append(
            {
                "threshold": threshold,
                "answered_right": round(1 - (wrong + fallback) / total, 4),
                "wrong_answers": round(wrong / total, 4),
                "fallbacks": round(fallback / total, 4),
                "cost": round((wrong + 0.5 * fallback) / total, 4),
            }
        )
    return rows


def main() -> int:
    from servator.rasa_runtime.training import train_if_needed, use_rasa_process_env
    from tools.nlu_eval import ModelParser

    use_rasa_process_env()
    logging.disable(logging.INFO)
    examples = heldout_examples() + heldout_examples(HELDOUT_DIR / "everyday_heldout.yml")
    parser = ModelParser(train_if_needed())
    try:
        predictions = [(truth, *_top(parser(text))) for text, truth in examples]
    finally:
        parser.close()
    rows = sweep(predictions)
    best = min(rows, key=lambda row: (row["cost"], -row["threshold"]))
    print(json.dumps({"examples": len(examples), "best": best, "sweep": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
