"""The emergency model's examples beyond Rasa's NLU data: a written corpus and older blind sets.

Positives are danger-now emergencies (tests/data/blind/GUIDE.md's `emergency`); negatives are
everything else people send, including the report form's answers. Rasa's training data loader
reads only data/, so the corpus lives in nlu/emergency_corpus/ (YAML: `emergency` and
`not_emergency` lists) and EmergencyClassifier.fingerprint_addon hashes these files, so a change
to any of them retrains the model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "nlu" / "emergency_corpus"
# Older blind sets, labelled `emergency` or not. The newest set (07g) is kept out: it measures.
BLIND_SETS = tuple(ROOT / "tests" / "data" / "blind" / f"en-2026-12-06{v}.yml" for v in "bcdef")
FORM_ANSWERS = ROOT / "tests" / "data" / "form_answers.yml"
EMERGENCY = "emergency"
NOT_EMERGENCY = "not_emergency"
DESCRIPTION_ANSWERS = "form_descriptions"

# (text, is it an emergency, source name): the source groups examples for cross-validation.
Example = tuple[str, bool, str]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def corpus_examples(directory: Path = CORPUS_DIR) -> Iterator[Example]:
    for path in sorted(directory.glob("*.yml")):
        data = _load(path) or {}
        for key, positive in ((EMERGENCY, True), (NOT_EMERGENCY, False)):
            for text in data.get(key) or []:
                yield str(text), positive, path.stem


def blind_examples(paths: tuple[Path, ...] = BLIND_SETS) -> Iterator[Example]:
    for path in paths:
        for item in _load(path) or []:
            yield str(item["text"]), item.get("intent") == EMERGENCY, path.stem


def form_answer_examples(path: Path = FORM_ANSWERS) -> Iterator[Example]:
    """The answers people give the report form's questions: never emergencies. The description
    answers are a source of their own: written like an account that opens a conversation, which
    the model does read, none of them may be flagged (tools/calibrate_emergency.py)."""
    for slot, answers in (_load(path).get("answers") or {}).items():
        for text in answers:
            yield str(text), False, DESCRIPTION_ANSWERS if slot == "report_description" else "form_answers"


def external_examples() -> list[Example]:
    """Every example that is not in Rasa's NLU training data."""
    return [*corpus_examples(), *blind_examples(), *form_answer_examples()]


def external_files() -> list[Path]:
    return [*sorted(CORPUS_DIR.glob("*.yml")), *BLIND_SETS, FORM_ANSWERS]


def external_fingerprint() -> str:
    """A digest of every file external_examples reads (names and contents)."""
    digest = hashlib.sha256()
    for path in external_files():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
