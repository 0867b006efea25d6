"""The emergency model's examples beyond Rasa's NLU data: a written corpus and older blind sets.

Positives are danger-now emergencies (the blind sets' labelling guide's `emergency`); negatives
are everything else people send. Rasa's training data loader reads only data/, so these live in
nlu/emergency_corpus/ (YAML: `emergency` and `not_emergency` lists): the writers' files
(written-*.yml) and the older blind sets' messages (blind-*.yml, copied from tests/data/blind/ by
`python -m tools.emergency_corpus write`, as the product reads nothing under tests/).
EmergencyClassifier.fingerprint_addon hashes these files, so a change to any of them retrains.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "nlu" / "emergency_corpus"
EMERGENCY = "emergency"
NOT_EMERGENCY = "not_emergency"

# (text, is it an emergency, source name): the source groups examples for cross-validation.
Example = tuple[str, bool, str]


def corpus_examples(directory: Path = CORPUS_DIR) -> Iterator[Example]:
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, positive in ((EMERGENCY, True), (NOT_EMERGENCY, False)):
            for text in data.get(key) or []:
                yield str(text), positive, path.stem


def external_examples() -> list[Example]:
    """Every example that is not in Rasa's NLU training data."""
    return list(corpus_examples())


def external_fingerprint(directory: Path = CORPUS_DIR) -> str:
    """A digest of the corpus files (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
