"""NLU quality on held-out data the model never saw, through the whole trained pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


# Floors at the figures first measured on the blind sets (README, docs/languages.md): they catch a
# change that makes understanding worse; they are not the targets, which these sets do not yet meet.
BLIND_SETS = ("en-2026-12-06b.yml", "en-2026-12-06c.yml")


def blind_figures(trained_model: Path, names: tuple[str, ...]) -> Any:
    """The served pipeline's figures on these blind English sets (tools/blind_eval.py)."""
    from tools.blind_eval import BLIND_DIR, evaluate_blind, load

    parser = ModelParser(trained_model)
    try:
        return evaluate_blind(load([BLIND_DIR / name for name in names]), parser)
    finally:
        parser.close()


def test_the_blind_english_sets_keep_their_measured_figures(trained_model: Path):
    blind = blind_figures(trained_model, BLIND_SETS)
    assert blind.examples == 486
    # Safety floors at the figures after the danger rules' category fix (README).
    assert blind.emergency_recall >= 1.0, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= 0.005
    assert blind.intent_accuracy >= 0.96  # after the intents2 round (docs/evaluation.md)
    assert blind.out_of_scope_recall >= 0.92 and blind.in_scope_lost_to_out_of_scope <= 0.01
    assert blind.field_accuracy >= 0.93  # after the fields2 round (docs/evaluation.md)


def test_the_third_blind_english_set_keeps_its_figures_after_tuning(trained_model: Path):
    """en-2026-12-06d.yml was written blind; the intents and fields rounds then used it as a
    development set, so its floors are the figures after those rounds (README)."""
    blind = blind_figures(trained_model, ("en-2026-12-06d.yml",))
    assert blind.examples == 320
    assert blind.emergency_recall >= 1.0, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= 0.005
    assert blind.intent_accuracy >= 0.95
    assert blind.out_of_scope_recall >= 0.92 and blind.in_scope_lost_to_out_of_scope <= 0.01
    assert blind.field_accuracy >= 0.93  # after the fields2 round


def test_the_fourth_blind_english_set_keeps_its_figures_after_tuning(trained_model: Path):
    """en-2026-12-06e.yml (445) was written blind (first figures: intent 0.906, out of scope 0.922,
    emergencies 39 of 45, false emergency 0.0125, fields 0.867); the danger3 round then used its
    emergencies and danger words, the fields2 round its account fields and the intents2 round its
    misread messages as a development set, so its floors are the figures after them."""
    blind = blind_figures(trained_model, ("en-2026-12-06e.yml",))
    assert blind.examples == 445
    assert blind.emergency_recall >= 1.0, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= 0.005
    assert blind.intent_accuracy >= 0.97
    assert blind.out_of_scope_recall >= 0.93 and blind.in_scope_lost_to_out_of_scope <= 0.01
    assert blind.field_accuracy >= 0.96


def test_the_fifth_blind_english_set_keeps_its_figures_after_tuning(trained_model: Path):
    """en-2026-12-06f.yml (210: 55 emergencies, 45 harmless messages with danger words) was written
    blind after the danger3 round (first figures: intent 0.876, out of scope 0.863, emergencies 44
    of 55, false emergency 0.052, fields 0.860); the danger4, fields2 and intents2 rounds then used it
    as a development set, so its floors are the figures after those rounds."""
    blind = blind_figures(trained_model, ("en-2026-12-06f.yml",))
    assert blind.examples == 210
    assert blind.emergency_recall >= 1.0, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= 0.005
    assert blind.intent_accuracy >= 0.95
    assert blind.out_of_scope_recall >= 0.94 and blind.in_scope_lost_to_out_of_scope <= 0.01
    assert blind.field_accuracy >= 0.95


def test_the_sixth_blind_english_set_keeps_its_measured_figures(trained_model: Path):
    """en-2026-12-07g.yml (420: 55 emergencies, 45 harmless messages with danger words, 95 accounts,
    110 questions, 75 everyday and 30 police-adjacent requests) was written after the danger4,
    fields2 and intents2 rounds by helpers who saw only the labelling guide: its first figures
    (docs/evaluation.md) are the floors."""
    blind = blind_figures(trained_model, ("en-2026-12-07g.yml",))
    assert blind.examples == 420
    assert blind.emergency_recall >= 0.76, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= 0.039
    assert blind.intent_accuracy >= 0.84
    assert blind.out_of_scope_recall >= 0.84 and blind.in_scope_lost_to_out_of_scope <= 0.01
    assert blind.field_accuracy >= 0.84


def test_the_blind_sets_in_other_languages_keep_their_measured_figures():
    from tools.language_eval import default_files, evaluate, load

    figures = evaluate(load(default_files()))
    assert len(figures) == 10
    assert sum(round(f["emergency_recall"] * f["emergencies"]) for f in figures.values()) >= 113, figures
    assert all(f["false_alarms"] <= 3 for f in figures.values()), figures
    assert all(f["intent_accuracy"] >= 0.72 for f in figures.values()), figures


def test_the_second_blind_sets_in_other_languages_keep_their_measured_figures():
    """languages-2026-12-06b was written after the cue lists were widened (docs/languages.md), then
    used as a development set by the lang4 round: floors at the figures after it."""
    from tools.language_eval import BLIND_DIR, evaluate, load

    figures = evaluate(load(sorted(BLIND_DIR.with_name("languages-2026-12-06b").glob("*.yml"))))
    assert len(figures) == 10
    assert sum(round(f["emergency_recall"] * f["emergencies"]) for f in figures.values()) >= 140, figures
    assert all(f["false_alarms"] <= 1 for f in figures.values()), figures
    assert all(f["intent_accuracy"] >= 0.77 for f in figures.values()), figures


def test_the_third_blind_sets_in_other_languages_keep_their_measured_figures():
    """languages-2026-12-06c was written after the lang3 round by helpers who saw only the labelling
    guide (first figures: 128 of 140 emergencies, 1-6 false of 22 per language); the lang4 round
    then used it, with set b, as a development set, so the floors are the figures after it (and
    after the lang5 round's intent examples)."""
    from tools.language_eval import BLIND_DIR, evaluate, load

    figures = evaluate(load(sorted(BLIND_DIR.with_name("languages-2026-12-06c").glob("*.yml"))))
    assert len(figures) == 10
    assert sum(round(f["emergency_recall"] * f["emergencies"]) for f in figures.values()) >= 140, figures
    assert all(f["false_alarms"] <= 2 for f in figures.values()), figures
    assert all(f["intent_accuracy"] >= 0.66 for f in figures.values()), figures


def test_the_fourth_blind_sets_in_other_languages_keep_their_measured_figures():
    """languages-2026-12-07d was written by helpers who saw only the labelling guide, while the lang5
    and acctlang rounds worked without seeing it, and measured once after both merged: its first
    figures (docs/languages.md) are the floors."""
    from tools.language_eval import BLIND_DIR, evaluate, load

    figures = evaluate(load(sorted(BLIND_DIR.with_name("languages-2026-12-07d").glob("*.yml"))))
    assert len(figures) == 10
    assert sum(round(f["emergency_recall"] * f["emergencies"]) for f in figures.values()) >= 129, figures
    assert sum(f["false_alarms"] for f in figures.values()) <= 15, figures
    assert all(f["false_alarms"] <= 3 for f in figures.values()), figures
    assert all(f["intent_accuracy"] >= 0.66 for f in figures.values()), figures
