"""The other languages' emergency-model thresholds, each chosen on its own held-out probabilities
(`python -m tools.calibrate_languages`; the method is tools/calibrate_emergency.py's).

For each language: every example's probability from a model that did not see its source (a
corpus writer's file, or a third of the language's intent examples); the rules' verdict as served
to a conversation in that language (its cues, every other language's, and English's); per
threshold, the emergencies the model gains over the rules and the non-emergencies (written ones
and intent examples) it adds as false alarms.
"""

from __future__ import annotations

import json
import logging

import numpy as np
import numpy.typing as npt

from nlu.emergency_data import Example, language_corpus_examples
from nlu.language_emergency_model import (
    NLU_SOURCE,
    intent_examples,
    reads_as_account,
    too_short_to_judge,
    trainable,
)
from reading.danger import DangerDetector
from reading.language import OTHER_LANGUAGES
from reading.language.danger import english_word_explained, message_danger
from reading.language.identify import identify
from tools.calibrate_emergency import THRESHOLDS, held_out_probabilities

MAX_LANGUAGE_FALSE_ALARMS = 0.01
LANGUAGE_THRESHOLDS = THRESHOLDS + [0.97, 0.98, 0.99]
NLU_FOLDS = 3


def examples(language: str) -> list[Example]:
    """The language's corpus by writer and its intent examples in NLU_FOLDS folds."""
    nlu = [(t, p, f"{NLU_SOURCE}-{i % NLU_FOLDS}") for i, (t, p, _) in enumerate(intent_examples(language))]
    return language_corpus_examples(language) + nlu


def rules_fire(detector: DangerDetector, text: str, language: str) -> bool:
    """The rules' verdict on a message in a conversation in `language` (nlu/components.py)."""
    guess = identify(text)
    english = detector.detect(text)
    if english.fired and not english_word_explained(text, guess.language, guess.confidence, english.reasons):
        return True
    return message_danger(text, guess.language, guess.confidence, language) is not None


def table(
    items: list[Example], probabilities: npt.NDArray[np.float64], rules: npt.NDArray[np.bool_]
) -> list[dict[str, float]]:
    positive = np.array([p for _, p, _ in items])
    written = np.array([not s.startswith(NLU_SOURCE) for _, _, s in items])
    rows = []
    for threshold in LANGUAGE_THRESHOLDS:
        added = (probabilities >= threshold) & ~rules
        rows.append(
            {
                "threshold": threshold,
                "recall_gained": int(added[positive].sum()),
                "written_recall_gained": int(added[positive & written].sum()),
                "written_false_alarms_added": int(added[written & ~positive].sum()),
                "intent_false_alarms_added": int(added[~written & ~positive].sum()),
                "false_alarms_added_rate": round(float(added[~positive].mean()), 4),
            }
        )
    return rows


def choose(rows: list[dict[str, float]]) -> float | None:
    """The most emergencies gained with no written non-emergency added (the English calibration's
    "no description flagged": those are the near misses) and at most MAX_LANGUAGE_FALSE_ALARMS of
    all; None (the model stays off) when no threshold does it."""
    allowed = [
        r
        for r in rows
        if r["written_false_alarms_added"] == 0 and r["false_alarms_added_rate"] <= MAX_LANGUAGE_FALSE_ALARMS
    ]
    return max(allowed, key=lambda r: (r["recall_gained"], r["threshold"]))["threshold"] if allowed else None


def main() -> int:
    logging.disable(logging.WARNING)
    detector = DangerDetector()
    chosen: dict[str, float | None] = {}
    for language in OTHER_LANGUAGES:
        items = examples(language)
        if not trainable(items):
            continue
        probabilities = held_out_probabilities(items)
        # The model's verdict is vetoed where the intent model reads an account (nlu/components.py):
        # as if the rules had fired, the model adds nothing there. The intent model was trained on
        # the intent examples, so this flatters their false alarms, not the written ones'.
        rules = np.array([rules_fire(detector, text, language) for text, _, _ in items])
        vetoed = np.array(
            [too_short_to_judge(language, text) or reads_as_account(language, text) for text, _, _ in items]
        )
        positive = np.array([p for _, p, _ in items])
        written = np.array([not s.startswith(NLU_SOURCE) for _, _, s in items])
        print(
            f"{language}: {len(items)} examples, {int(positive.sum())} emergencies "
            f"({int((positive & written).sum())} written); the rules alone: recall {rules[positive].mean():.3f}, "
            f"false alarms on the written non-emergencies {rules[written & ~positive].mean():.3f}"
        )
        rows = table(items, probabilities, rules | vetoed)
        for row in rows:
            print("  " + json.dumps(row))
        chosen[language] = choose(rows)
        print(f"  chosen {chosen[language]}")
    print(json.dumps({"chosen_thresholds": chosen, "max_false_alarms_added": MAX_LANGUAGE_FALSE_ALARMS}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
