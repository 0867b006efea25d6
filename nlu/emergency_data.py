"""The emergency model's examples beyond Rasa's NLU data: a corpus written for it.

Positives are danger-now emergencies (the labelling guide's `emergency`); negatives are everything
else people send. Rasa's training data loader reads all of data/, so the corpus lives in
corpus/emergency/ (YAML: `emergency` and `not_emergency` lists, one file per writer). The retired
blind sets reach the model through the NLU data (data/nlu/written_sets.yml).
EmergencyClassifier.fingerprint_addon hashes these files, so a change to any of them retrains.
The other languages' corpus, `languages/<code>-<writer>.yml` in the same format, is for their own
models (nlu/language_emergency_model.py); the English model does not read it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus" / "emergency"
LANGUAGES_CORPUS_DIR = CORPUS_DIR / "languages"
EMERGENCY = "emergency"
NOT_EMERGENCY = "not_emergency"

# (text, is it an emergency, source name): the source groups examples for cross-validation.
Example = tuple[str, bool, str]


def corpus_examples(directory: Path = CORPUS_DIR, pattern: str = "*.yml") -> Iterator[Example]:
    for path in sorted(directory.glob(pattern)):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, positive in ((EMERGENCY, True), (NOT_EMERGENCY, False)):
            for text in data.get(key) or []:
                yield str(text), positive, path.stem


def external_examples() -> list[Example]:
    """Every example that is not in Rasa's NLU training data."""
    return list(corpus_examples())


def language_corpus_examples(language: str, directory: Path = LANGUAGES_CORPUS_DIR) -> list[Example]:
    """One language's corpus, every writer's file (`<language>-<writer>.yml`) its own source."""
    return list(corpus_examples(directory, f"{language}-*.yml"))


def external_fingerprint(directory: Path = CORPUS_DIR, pattern: str = "*.yml") -> str:
    """A digest of the corpus files (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob(pattern)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
