"""NLU quality on held-out data the model never saw, through the whole trained pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


# Floors: the figures each set's first blind measure gave, or, for a set a later round used for
# development (or that was retired into the training data, tools/written_sets.py), the figures
# after it (docs/evaluation.md has each set's history). They catch a change that makes
# understanding worse; they are not the targets, which fresh sets do not yet meet.


@dataclass(frozen=True)
class EnglishFloors:
    examples: int
    emergency_recall: float
    false_emergency: float
    intent: float
    out_of_scope: float
    fields: float
    lost_to_out_of_scope: float = 0.01


ENGLISH_SETS = {
    ("en-2026-12-06b.yml", "en-2026-12-06c.yml"): EnglishFloors(486, 1.0, 0.005, 0.96, 0.92, 0.93),
    ("en-2026-12-06d.yml",): EnglishFloors(320, 1.0, 0.005, 0.95, 0.92, 0.93),
    ("en-2026-12-06e.yml",): EnglishFloors(445, 1.0, 0.005, 0.97, 0.93, 0.96),
    ("en-2026-12-06f.yml",): EnglishFloors(210, 1.0, 0.005, 0.95, 0.94, 0.95),
    ("en-2026-12-07g.yml",): EnglishFloors(420, 1.0, 0.022, 0.96, 0.93, 0.92),
    # Written after every round of 7 Dec 2026 merged; used for development by the danger frame,
    # then retired into the training data (oos2 round): figures on training data, a floor only.
    ("en-2026-12-07h.yml",): EnglishFloors(420, 1.0, 0.0, 0.99, 0.97, 0.90),
    # Written after the danger frame, places and lplaces rounds merged, measured once: blind; then
    # the oos2 round's and the second danger frame round's (falarm2) development set (none of its
    # messages trained on).
    ("en-2026-12-07i.yml",): EnglishFloors(420, 1.0, 0.0, 0.97, 0.95, 0.93, lost_to_out_of_scope=0.005),
    # Written after the falarm2, oos2 and lang2 rounds merged, measured once with 419 messages
    # (intent 0.952, out of scope 0.899, lost 0.011, emergencies 55 of 56, false 3 of 363, fields
    # 0.871); 7 short texts equal to training examples were then left out and the one missed
    # emergency (a holdall its bringer walked off without) fixed: a development set since (fields4,
    # oos3).
    ("en-2026-12-07j.yml",): EnglishFloors(412, 1.0, 0.006, 0.97, 0.92, 0.94, lost_to_out_of_scope=0.005),
    # Written after the fields4, perf3, lang3 and oos3 rounds merged, measured once (intent 0.983,
    # out of scope 0.972, lost 0.0, emergencies 56 of 56, false 2 of 357, fields 0.942); its two
    # false emergencies (the police's own guns) then fixed: a development set since.
    ("en-2026-12-07k.yml",): EnglishFloors(413, 1.0, 0.0, 0.98, 0.97, 0.94, lost_to_out_of_scope=0.005),
    # Written before any change of the session after k, measured once (intent 0.978, out of scope
    # 1.0, lost 0.0, emergencies 56 of 56, false 7 of 354, fields 0.930); its seven false
    # emergencies then fixed by kind (falarm4): a development set since.
    ("en-2026-12-07l.yml",): EnglishFloors(410, 1.0, 0.0, 0.99, 0.98, 0.93, lost_to_out_of_scope=0.005),
    # Written after the falarm4 and lang4 rounds merged, measured once (intent 0.978, out of scope
    # 0.973, lost 0.0, emergencies 56 of 56, false 7 of 356, fields 0.910); its seven false
    # emergencies then fixed by kind (falarm5): a development set since.
    ("en-2026-12-07m.yml",): EnglishFloors(412, 1.0, 0.0, 0.99, 0.97, 0.91, lost_to_out_of_scope=0.005),
    # Written after the falarm5, lang5 and perf4 rounds merged, measured once (intent 0.961, out of
    # scope 0.916, lost 0.0, emergencies 54 of 56, false 6 of 354, fields 0.916); its two missed
    # emergencies fixed since ("she isn't moving"; a holdall left alone, then "still there now"),
    # its false emergencies and out-of-scope misses not yet.
    ("en-2026-12-07n.yml",): EnglishFloors(410, 1.0, 0.012, 0.96, 0.91, 0.91, lost_to_out_of_scope=0.005),
    # Written before any change of the next session, measured once (intent 0.942, out of scope
    # 0.836, lost 0.003, emergencies 56 of 56, false 9 of 360, fields 0.873); its false emergencies
    # then answered with the caution first (nlu/caution.py, chosen on held-out data): a development set.
    ("en-2026-12-07o.yml",): EnglishFloors(416, 1.0, 0.0, 0.96, 0.88, 0.87, lost_to_out_of_scope=0.005),
    # Written after the caution, measured once (intent 0.959, out of scope 0.902, lost 0.0,
    # emergencies 56 of 56, false 4 of 359, fields 0.895): blind.
    ("en-2026-12-07p.yml",): EnglishFloors(415, 1.0, 0.012, 0.95, 0.90, 0.89, lost_to_out_of_scope=0.005),
    # Written after the oos5, acct6, lang6 and perf5 rounds merged, measured once (intent 0.976, out
    # of scope 0.953, lost 0.006, emergencies 56 of 56, false 0 of 361, fields 0.920): blind.
    ("en-2026-12-07q.yml",): EnglishFloors(417, 1.0, 0.0, 0.97, 0.95, 0.91, lost_to_out_of_scope=0.006),
    # Written after q was measured, the same code, measured once (intent 0.967, out of scope 0.967,
    # lost 0.0, emergencies 56 of 56, false 1 of 362, fields 0.869): blind.
    ("en-2026-12-07r.yml",): EnglishFloors(418, 1.0, 0.003, 0.96, 0.96, 0.86, lost_to_out_of_scope=0.005),
}


@pytest.fixture(scope="module")
def parser(trained_model: Path) -> Iterator[ModelParser]:
    parser = ModelParser(trained_model)
    yield parser
    parser.close()


@pytest.mark.parametrize("names", list(ENGLISH_SETS), ids=lambda names: "+".join(names))
def test_a_blind_english_set_keeps_its_figures(parser: ModelParser, names: tuple[str, ...]):
    from tools.blind_eval import BLIND_DIR, evaluate_blind, load

    floors = ENGLISH_SETS[names]
    blind = evaluate_blind(load([BLIND_DIR / name for name in names]), parser)
    assert blind.examples == floors.examples
    assert blind.emergency_recall >= floors.emergency_recall, [
        m for m in blind.misses if "emergency" in (m["expected"], m["got"])
    ]
    assert blind.false_emergency_rate <= floors.false_emergency
    assert blind.intent_accuracy >= floors.intent
    assert blind.out_of_scope_recall >= floors.out_of_scope
    assert blind.in_scope_lost_to_out_of_scope <= floors.lost_to_out_of_scope
    assert blind.field_accuracy >= floors.fields


@dataclass(frozen=True)
class LanguageFloors:
    emergencies_answered: int
    false_alarms_per_language: int
    intent: float
    false_alarms: int | None = None  # in all languages, when a set has a floor for it


LANGUAGE_SETS = {
    "languages": LanguageFloors(116, 3, 0.72),
    "languages-2026-12-06b": LanguageFloors(140, 1, 0.77),
    "languages-2026-12-06c": LanguageFloors(140, 2, 0.66),
    # The languages' emergency models (nlu/language_emergency_model.py) answer 5 more emergencies
    # here and on 07e 8 more, and add one false alarm to each (fr, tr: a suspicious act told in
    # the present, an attempt an hour ago), at their calibrated thresholds.
    "languages-2026-12-07d": LanguageFloors(140, 3, 0.75, false_alarms=6),
    # Written after every round of 7 Dec 2026 merged, measured once: blind (now a development set).
    "languages-2026-12-07e": LanguageFloors(120, 3, 0.75, false_alarms=12),
    # Written after the lplaces and language emergency model rounds merged, measured once: blind.
    # d, e and f: lang3's development sets too (every emergency answered).
    "languages-2026-12-07f": LanguageFloors(120, 2, 0.77, false_alarms=9),
    # Written after the lang2 round (cues for improvised weapons, 在, unaccented words) merged,
    # measured once: blind.
    # (then lang3's development set: every emergency answered, false alarms 14 -> 4).
    "languages-2026-12-07g": LanguageFloors(120, 1, 0.75, false_alarms=4),
    # Written after the lang3 round merged, measured once (117 of 120 answered, 24 false alarms,
    # intent from 0.61); then a development set (past years, a fight still going on, Bengali).
    "languages-2026-12-07h": LanguageFloors(120, 4, 0.63, false_alarms=19),
    # Written before any change of the session after h, measured once (118 of 120 answered, 23
    # false alarms, intent from 0.69); then lang4's development set.
    "languages-2026-12-07i": LanguageFloors(120, 1, 0.75, false_alarms=3),
    # Written after lang4 merged, measured once (118 of 120 answered, 14 false alarms, intent
    # from 0.743); then lang5's development set.
    "languages-2026-12-07j": LanguageFloors(120, 1, 0.74, false_alarms=1),
    # Written after lang5 merged, measured once (113 of 120 answered, 18 false alarms, intent from
    # 0.714); then lang6's development set.
    "languages-2026-12-07k": LanguageFloors(120, 3, 0.71, false_alarms=15),
    # Written before any change of the next session, measured once (118 of 120 answered, 25 false
    # alarms, intent from 0.606); then lang6's development set.
    "languages-2026-12-07l": LanguageFloors(120, 2, 0.63, false_alarms=3),
    # Written while lang6 finished, measured once after it merged (117 of 120 answered, 20 false
    # alarms, intent from 0.543); its three misses then caught as kinds: a development set.
    "languages-2026-12-07m": LanguageFloors(120, 4, 0.54, false_alarms=20),
}


@pytest.mark.parametrize("folder", list(LANGUAGE_SETS))
def test_a_blind_set_in_other_languages_keeps_its_figures(folder: str):
    from tools.language_eval import BLIND_DIR, evaluate, load

    floors = LANGUAGE_SETS[folder]
    figures = evaluate(load(sorted(BLIND_DIR.with_name(folder).glob("*.yml"))))
    assert len(figures) == 10
    answered = sum(round(f["emergency_recall"] * f["emergencies"]) for f in figures.values())
    assert answered >= floors.emergencies_answered, figures
    if floors.false_alarms is not None:
        assert sum(f["false_alarms"] for f in figures.values()) <= floors.false_alarms, figures
    assert all(f["false_alarms"] <= floors.false_alarms_per_language for f in figures.values()), figures
    assert all(f["intent_accuracy"] >= floors.intent for f in figures.values()), figures
