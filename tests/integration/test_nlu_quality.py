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
    # Retired into the training data: figures on training data, a floor only.
    ("en-2026-12-07h.yml",): EnglishFloors(420, 1.0, 0.0, 0.99, 0.97, 0.90),
    # i to o: development sets after their one blind measure (none of their messages trained on);
    # the figures after the fixes they led to.
    ("en-2026-12-07i.yml",): EnglishFloors(420, 1.0, 0.0, 0.97, 0.95, 0.93, lost_to_out_of_scope=0.005),
    ("en-2026-12-07j.yml",): EnglishFloors(412, 1.0, 0.006, 0.97, 0.92, 0.94, lost_to_out_of_scope=0.005),
    ("en-2026-12-07k.yml",): EnglishFloors(413, 1.0, 0.0, 0.98, 0.97, 0.94, lost_to_out_of_scope=0.005),
    ("en-2026-12-07l.yml",): EnglishFloors(410, 1.0, 0.0, 0.99, 0.98, 0.93, lost_to_out_of_scope=0.005),
    ("en-2026-12-07m.yml",): EnglishFloors(412, 1.0, 0.0, 0.99, 0.97, 0.91, lost_to_out_of_scope=0.005),
    # Its false emergencies and out-of-scope misses are not fixed yet.
    ("en-2026-12-07n.yml",): EnglishFloors(410, 1.0, 0.012, 0.96, 0.91, 0.91, lost_to_out_of_scope=0.005),
    # Its false emergencies are answered with the caution first (nlu/caution.py).
    ("en-2026-12-07o.yml",): EnglishFloors(416, 1.0, 0.0, 0.96, 0.88, 0.87, lost_to_out_of_scope=0.005),
    # p, q, r: blind, their one measure.
    ("en-2026-12-07p.yml",): EnglishFloors(415, 1.0, 0.012, 0.95, 0.90, 0.89, lost_to_out_of_scope=0.005),
    ("en-2026-12-07q.yml",): EnglishFloors(417, 1.0, 0.0, 0.97, 0.95, 0.91, lost_to_out_of_scope=0.006),
    ("en-2026-12-07r.yml",): EnglishFloors(418, 1.0, 0.003, 0.96, 0.96, 0.86, lost_to_out_of_scope=0.005),
    # s: development after its one blind measure (recall 0.982, false 0.0056, fields 0.885); the
    # figures after the fixes it led to. t: its one blind measure.
    ("en-2026-12-07s.yml",): EnglishFloors(411, 1.0, 0.003, 0.97, 0.96, 0.90, lost_to_out_of_scope=0.005),
    ("en-2026-12-07t.yml",): EnglishFloors(412, 1.0, 0.006, 0.98, 0.97, 0.88, lost_to_out_of_scope=0.005),
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
    # e to n: development sets after their one blind measure (n: 114 of 119 emergencies, 7 false
    # alarms, intent 0.77-1.0 per language); the figures after the fixes they led to.
    "languages-2026-12-07e": LanguageFloors(120, 3, 0.75, false_alarms=12),
    "languages-2026-12-07f": LanguageFloors(120, 2, 0.77, false_alarms=9),
    "languages-2026-12-07g": LanguageFloors(120, 1, 0.75, false_alarms=4),
    "languages-2026-12-07h": LanguageFloors(120, 4, 0.63, false_alarms=19),
    "languages-2026-12-07i": LanguageFloors(120, 1, 0.75, false_alarms=3),
    "languages-2026-12-07j": LanguageFloors(120, 1, 0.74, false_alarms=1),
    "languages-2026-12-07k": LanguageFloors(120, 3, 0.71, false_alarms=15),
    "languages-2026-12-07l": LanguageFloors(120, 2, 0.63, false_alarms=3),
    "languages-2026-12-07m": LanguageFloors(120, 4, 0.54, false_alarms=20),
    "languages-2026-12-07n": LanguageFloors(119, 2, 0.80, false_alarms=7),
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
