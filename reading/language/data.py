"""The language files in `languages/<code>/`, read once per process.

- `responses.yml`: English response name -> {text, buttons: [titles in the English order]};
- `danger.yml`: emergency cues by kind, and `not_emergency` phrases (past, figurative);
- `form_answers.yml`: words for the report form's common answers, by meaning;
- `nlu.yml`: examples per handled intent (Rasa's `nlu:` list, or intent -> examples);
- `languages/common.yml`: per language, its own name, the "I can answer this in English:"
  introduction and the ways to ask for that language;
- `data/nlu/*.yml` (English) and all of a language's files: the words of the language, which another
  language's danger cue is not read in (French "armé" is in English "armed", Spanish "arma" in
  Portuguese "armário").
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from reading import regex
from reading.language.text import words_of
from reading.yaml_data import read_yaml

LANGUAGES_DIR = Path(__file__).resolve().parents[2] / "languages"
ENGLISH_DATA_DIR = LANGUAGES_DIR.parent / "data" / "nlu"
# Rasa's entity annotations in an example: "[Hyde Park](place)" is read as "Hyde Park".
_ANNOTATION = regex.compile(r"\]\([^)]*\)|\]\{[^}]*\}|[\[\]]")


def _load(path: Path) -> Any:
    return read_yaml(path) if path.is_file() else None


@functools.cache
def language_file(language: str, name: str) -> dict[str, Any]:
    """One language's file (`responses`, `danger`, `form_answers`, `nlu`), {} when missing."""
    loaded = _load(LANGUAGES_DIR / language / f"{name}.yml")
    return loaded if isinstance(loaded, dict) else {}


@functools.cache
def shared_file(name: str) -> dict[str, Any]:
    """A file every language reads (`languages/<name>.yml`: names the same in all), {} when missing."""
    loaded = _load(LANGUAGES_DIR / f"{name}.yml")
    return loaded if isinstance(loaded, dict) else {}


@functools.lru_cache(maxsize=1)
def common() -> dict[str, dict[str, Any]]:
    """languages/common.yml: per language, `name`, `english_intro`, `ask_for`."""
    loaded = _load(LANGUAGES_DIR / "common.yml")
    return loaded if isinstance(loaded, dict) else {}


def strings(value: Any) -> list[str]:
    """Every string in a list, a mapping's values or a lone string, nested or not."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def _examples(value: Any) -> list[str]:
    """Rasa's `examples: |` block ("- text" lines) or a list of texts."""
    if isinstance(value, str):
        return [line.strip()[2:].strip() for line in value.splitlines() if line.strip().startswith("- ")]
    return strings(value)


@functools.cache
def nlu_examples(language: str) -> dict[str, list[str]]:
    """Intent (or `faq/what_is_servator` retrieval label) -> example texts, for one language."""
    data = language_file(language, "nlu")
    by_intent: dict[str, list[str]] = {}
    if isinstance(data.get("nlu"), list):
        for entry in data["nlu"]:
            if isinstance(entry, dict) and isinstance(entry.get("intent"), str):
                by_intent.setdefault(entry["intent"], []).extend(_examples(entry.get("examples")))
    else:
        for intent, examples in data.items():
            if isinstance(intent, str):
                by_intent.setdefault(intent, []).extend(_examples(examples))
    return {intent: [e for e in examples if e] for intent, examples in by_intent.items()}


LANGUAGE_FILES = ("responses", "danger", "form_answers", "nlu")


@functools.cache
def known_words(language: str) -> frozenset[str]:
    """The words a language's files use, normalised; English: those of the training examples (data/nlu)."""
    if language != "en":
        return words_of([t for name in LANGUAGE_FILES for t in strings(language_file(language, name))])
    examples: list[str] = []
    for path in sorted(ENGLISH_DATA_DIR.glob("*.yml")):
        loaded = read_yaml(path)
        entries = loaded.get("nlu") if isinstance(loaded, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                examples.extend(_unannotated(example) for example in _examples(entry.get("examples")))
    return words_of(examples)


def _unannotated(example: str) -> str:
    """The example without Rasa's entity annotations (every one has a bracket)."""
    return _ANNOTATION.sub(" ", example) if "[" in example or "]" in example else example
