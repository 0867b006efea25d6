"""The emergency model's threshold (config.yml, DangerGate's `emergency_model_threshold`), chosen
on held-out probabilities: never on the blind set used to measure it.

Every example the model trains on (nlu/emergency_model.py) gets a probability from a model that
did not see its source: each corpus writer's file is one fold (so a writer's turns of phrase do
not help their own examples), and Rasa's NLU examples (the retired blind sets among them) are
split into five folds. For each threshold the table gives the model's recall of emergencies, its false alarms
on every non-emergency and on the freshly written ones alone (the corpus: the NLU data's easy
negatives would dilute the rate), and the same figures with the danger rules as a
floor. The report form's answers (tests/data/form_answers.yml, never trained on) are scored by
the model trained on everything: the description answers, written like the openings the model
reads, and the others (which DangerGate does not give the model: it reads no answer in the form). The rules' own false alarms are there whatever the model does, so the chosen threshold
catches the most emergencies while the model adds at most MAX_FALSE_ALARMS of the freshly written
non-emergencies to them (flagged by the model, not by the rules), and flags no description answer.

    PYTHONPATH=. .venv/bin/python -m tools.calibrate_emergency [PROBABILITIES.json]

The other languages' thresholds (config.yml, DangerGate's
`language_model_thresholds`), the same way for each language's model
(nlu/language_emergency_model.py): each writer's file of that language's corpus is one fold, its
intent examples three more; the rules (that language's cues and English's, as served) are the floor,
and the chosen threshold gains the most emergencies while the model adds none of the held-out
written non-emergencies and at most MAX_LANGUAGE_FALSE_ALARMS of all:
`python -m tools.calibrate_languages`.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

from nlu.emergency_data import Example, external_examples
from nlu.emergency_model import EmergencyScorer, fit, nlu_examples

MAX_FALSE_ALARMS = 0.005
THRESHOLDS = [round(0.05 * step, 2) for step in range(2, 20)]
NLU_FOLDS = 5


def examples() -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    from servator.config.constants import ROOT

    nlu = nlu_examples(load_data(str(ROOT / "data" / "nlu")))
    return [(text, positive, f"nlu-{i % NLU_FOLDS}") for i, (text, positive, _) in enumerate(nlu)] + (
        external_examples()
    )


def held_out_probabilities(items: list[Example], c: float = 1.0) -> npt.NDArray[np.float64]:
    """Each example's probability from a model trained without its source (its fold)."""
    sources = np.array([source for _, _, source in items])
    probabilities = np.zeros(len(items))
    for source in sorted(set(sources)):
        held = np.flatnonzero(sources == source)
        scorer = EmergencyScorer(fit([items[i] for i in np.flatnonzero(sources != source)], c))
        probabilities[held] = [scorer.probability(items[i][0]) for i in held]
    return probabilities


def form_answers() -> dict[str, list[str]]:
    """The form's answers: `descriptions` and the `others` (a place, a time, the people...)."""
    from servator.config.constants import ROOT

    answers = yaml.safe_load((ROOT / "tests" / "data" / "form_answers.yml").read_text(encoding="utf-8"))
    by_slot = answers["answers"]
    return {
        "descriptions": [str(t) for t in by_slot["report_description"]],
        "others": [str(t) for slot, texts in by_slot.items() if slot != "report_description" for t in texts],
    }


def table(
    items: list[Example],
    probabilities: npt.NDArray[np.float64],
    rules: npt.NDArray[np.bool_],
    answers: dict[str, npt.NDArray[np.float64]],
) -> list[dict[str, float]]:
    positive = np.array([p for _, p, _ in items])
    fresh = np.array([not s.startswith("nlu-") for _, _, s in items]) & ~positive
    rows = []
    for threshold in THRESHOLDS:
        model = probabilities >= threshold
        either = model | rules
        rows.append(
            {
                "threshold": threshold,
                "recall": round(float(model[positive].mean()), 4),
                "false_alarms": round(float(model[~positive].mean()), 4),
                "false_alarms_fresh": round(float(model[fresh].mean()), 4),
                "descriptions_flagged": int((answers["descriptions"] >= threshold).sum()),
                "other_answers_flagged": int((answers["others"] >= threshold).sum()),
                "with_rules_recall": round(float(either[positive].mean()), 4),
                "with_rules_false_alarms_fresh": round(float(either[fresh].mean()), 4),
                "added_false_alarms_fresh": round(float((model & ~rules)[fresh].mean()), 4),
            }
        )
    return rows


def choose(rows: list[dict[str, float]]) -> float:
    allowed = [
        r
        for r in rows
        if r["added_false_alarms_fresh"] <= MAX_FALSE_ALARMS and r["descriptions_flagged"] == 0
    ]
    return max(allowed, key=lambda r: (r["recall"], -r["threshold"]))["threshold"] if allowed else 1.0


def main() -> int:
    from reading.danger import DangerDetector

    logging.disable(logging.WARNING)
    items = examples()
    probabilities = held_out_probabilities(items)
    detector = DangerDetector()
    rules = np.array([detector.detect(text).fired for text, _, _ in items])
    scorer = EmergencyScorer(fit(items))
    answers = {
        kind: np.array([scorer.probability(text) for text in texts]) for kind, texts in form_answers().items()
    }
    rows = table(items, probabilities, rules, answers)
    if len(sys.argv) > 1:  # the held-out probabilities, to look for mislabelled examples
        rows_out = [[t, p, s, round(float(q), 4)] for (t, p, s), q in zip(items, probabilities)]
        Path(sys.argv[1]).write_text(json.dumps(rows_out, ensure_ascii=False), encoding="utf-8")
    positive = np.array([p for _, p, _ in items])
    fresh = np.array([not s.startswith("nlu-") for _, _, s in items]) & ~positive
    print(
        f"{len(items)} examples, {int(positive.sum())} emergencies; the rules alone: recall "
        f"{rules[positive].mean():.4f}, false alarms on the fresh non-emergencies {rules[fresh].mean():.4f}"
    )
    for row in rows:
        print(json.dumps(row))
    print(json.dumps({"chosen_threshold": choose(rows), "max_false_alarms_fresh": MAX_FALSE_ALARMS}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
