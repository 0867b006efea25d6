"""Per-language figures on blind sets: intent accuracy, emergency recall, false alarms, language id.

    .venv/bin/python -m tools.language_eval FILE.yml ...   # default: tests/data/blind/languages/*.yml

Each file is a YAML list of {text, intent, language}. Each missed emergency and false alarm is
printed to stderr. Every message is read alone, the way the
assistant reads the first message of a conversation: its language identified (reading/language),
its intent from that language's model (English: the trained Rasa model's linear classifier is not
loaded here, so English rows count only for language id and danger), the danger rules of
English and of every other language, and the emergency model of the conversation's language
(nlu/language_emergency_model.py, fitted here as in training, with config.yml's thresholds). An
emergency counts as answered when a rule fired, that emergency model reached its threshold or the
language's intent model was sure, as served. `make bench` reports the same figures under `languages`.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from nlu.emergency_model import EmergencyScorer
from nlu.gate import ML_EMERGENCY_THRESHOLD
from nlu.language_emergency_model import fit_languages, reads_as_account, too_short_to_judge
from nlu.language_model import rank
from reading.danger import DangerDetector
from reading.intents import EMERGENCY_INTENT, SWITCH_LANGUAGE_INTENT
from reading.language import ENGLISH
from reading.language.choice import conversation_language, requested_language
from reading.language.danger import ENGLISH_MESSAGE, english_word_explained, message_danger
from reading.language.identify import identify
from servator.config.constants import ROOT

BLIND_DIR = ROOT / "tests" / "data" / "blind" / "languages"


def load(paths: list[Path]) -> list[dict[str, str]]:
    """Every {text, intent, language} row of the files (rows missing a field are left out)."""
    rows: list[dict[str, str]] = []
    for path in paths:
        loaded: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        items = loaded.get("examples", []) if isinstance(loaded, dict) else loaded
        for item in items:
            if isinstance(item, dict) and all(
                isinstance(item.get(k), str) for k in ("text", "intent", "language")
            ):
                rows.append({k: item[k] for k in ("text", "intent", "language")})
    return rows


def _base(label: str) -> str:
    return label.split("/", 1)[0]


# The labelling guide's name for asking to continue in English, and the project's intent for it.
LABEL_ALIASES = {"switch_to_english": SWITCH_LANGUAGE_INTENT}


def _intent_matches(predicted: str, expected: str) -> bool:
    expected = LABEL_ALIASES.get(expected, expected)
    return predicted == expected or ("/" not in expected and _base(predicted) == expected)


def model_thresholds() -> dict[str, float]:
    """DangerGate's `language_model_thresholds` in config.yml."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    for component in config.get("pipeline") or []:
        if str(component.get("name", "")).endswith("DangerGate"):
            return {str(k): float(v) for k, v in (component.get("language_model_thresholds") or {}).items()}
    return {}


@functools.cache
def _scorers() -> dict[str, EmergencyScorer]:
    """Fitted once per process (a few seconds per language): every set reads the same models."""
    return {code: EmergencyScorer(model) for code, model in fit_languages().items()}


class LanguageEmergencyModels:
    """Each language's emergency model and threshold: fires as DangerGate does, outside the form."""

    def __init__(self, thresholds: dict[str, float]) -> None:
        self._thresholds = thresholds
        self._scorers = _scorers() if thresholds else {}

    def fires(self, text: str, conversation: str) -> bool:
        scorer = self._scorers.get(conversation)
        threshold = self._thresholds.get(conversation)
        return (
            scorer is not None
            and threshold is not None
            and scorer.probability(text) >= threshold
            and not too_short_to_judge(conversation, text)
            and not reads_as_account(conversation, text)
        )


def evaluate(
    rows: list[dict[str, str]], thresholds: dict[str, float] | None = None
) -> dict[str, dict[str, Any]]:
    """Figures per language (`thresholds`: the emergency models', config.yml's by default)."""
    detector = DangerDetector()
    models = LanguageEmergencyModels(model_thresholds() if thresholds is None else thresholds)
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        text, expected, language = row["text"], row["intent"], row["language"]
        t = tallies[language]
        t["messages"] += 1
        t["language_id_correct"] += identify(text).language == language
        conversation = conversation_language(text, None)
        t["conversation_language_correct"] += conversation == language
        guess = identify(text)
        english = guess.language == ENGLISH and guess.confidence >= ENGLISH_MESSAGE
        # As served (nlu/components.py): an English danger word in a message surely in another
        # language that reads it as harmless does not fire.
        english_result = detector.detect(text)
        english_fired = english_result.fired and not english_word_explained(
            text, guess.language, guess.confidence, english_result.reasons
        )
        fired = (
            english_fired
            or message_danger(text, guess.language, guess.confidence) is not None
            or models.fires(text, conversation)
        )
        top, confidence = ("", 0.0) if english else (rank(guess.language, text) or [("", 0.0)])[0]
        # As served (nlu/components.py): the language's model alone gives the emergency answer only
        # when it is sure; below that its emergency is the fallback, which names 999.
        answered_as_emergency = fired or (top == EMERGENCY_INTENT and confidence >= ML_EMERGENCY_THRESHOLD)
        if expected == EMERGENCY_INTENT:
            t["emergencies"] += 1
            t["emergencies_caught"] += answered_as_emergency
        else:
            t["non_emergencies"] += 1
            t["false_alarms"] += answered_as_emergency
        if answered_as_emergency != (expected == EMERGENCY_INTENT):
            kind = "false alarm" if answered_as_emergency else "missed emergency"
            print(f"{kind} [{language}] {expected}: {text[:200]}", file=sys.stderr)
        if language == ENGLISH:
            continue
        # As served (nlu/language_gate.py): a request for a language is `switch_language` before any model.
        predicted = (
            EMERGENCY_INTENT
            if fired
            else SWITCH_LANGUAGE_INTENT
            if requested_language(text)
            else (rank(language, text) or [("", 0.0)])[0][0]
        )
        t["intents"] += 1
        t["intent_correct"] += _intent_matches(predicted, expected)
    return {language: _figures(t) for language, t in sorted(tallies.items())}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _figures(t: dict[str, int]) -> dict[str, Any]:
    return {
        "messages": t["messages"],
        "intent_accuracy": _ratio(t["intent_correct"], t["intents"]),
        "emergency_recall": _ratio(t["emergencies_caught"], t["emergencies"]),
        "emergencies": t["emergencies"],
        "false_alarms": t["false_alarms"],
        "false_alarm_rate": _ratio(t["false_alarms"], t["non_emergencies"]),
        "language_id_accuracy": _ratio(t["language_id_correct"], t["messages"]),
        "first_message_language_accuracy": _ratio(t["conversation_language_correct"], t["messages"]),
    }


def default_files() -> list[Path]:
    return sorted(BLIND_DIR.glob("*.yml"))


def main(argv: list[str] | None = None) -> int:
    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or default_files()
    if not paths:
        print("no blind language sets given or found in tests/data/blind/languages/", file=sys.stderr)
        return 2
    print(json.dumps(evaluate(load(paths)), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
