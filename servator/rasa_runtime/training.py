"""Training only when the inputs changed: models are named by a content hash."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from nlu.language_model import fit_missing
from reading.language import OTHER_LANGUAGES
from servator.config.constants import DOMAIN_PATH, ROOT
from servator.config.settings import Settings

TRAINING_INPUTS = ("config.yml", DOMAIN_PATH.name, "data")
# Our graph components: Rasa fixes each component's `process` arguments (e.g. the conversation
# tracker) into the model's graph at training time, so a change to them needs a new model.
GRAPH_COMPONENTS = (
    "nlu/gate.py",
    "nlu/components.py",
    "nlu/language_gate.py",
    "nlu/account_gate.py",
    "nlu/followup_gate.py",
    "nlu/intent_classifier.py",
    "nlu/emergency_policy.py",
    "nlu/emergency_model.py",
    "nlu/emergency_data.py",
    "nlu/language_emergency_model.py",
    "nlu/linear_model.py",
    "nlu/persisted_model.py",
    # The emergency models' examples outside data/ (nlu/emergency_data.py), the other languages'
    # corpus (corpus/emergency/languages/) among them, and their intent examples.
    "corpus/emergency",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "languages").glob("*/nlu.yml")),
)


# What every process running Rasa gets: no telemetry, quiet TensorFlow and SQLAlchemy.
RASA_PROCESS_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}


def rasa_env() -> dict[str, str]:
    """Environment for the Rasa processes `servator run` starts: RASA_PROCESS_ENV, no warnings,
    and Rasa's log level (LOG_LEVEL, WARNING by default: no message text logged)."""
    env = dict(os.environ)  # the whole environment goes on to the child processes
    env.update(RASA_PROCESS_ENV, PYTHONWARNINGS="ignore", LOG_LEVEL=Settings.from_env().rasa_log_level)
    return env


def use_rasa_process_env() -> None:
    """RASA_PROCESS_ENV for Rasa run in this process (`servator validate`, the tests, the tools),
    set before Rasa or TensorFlow is imported; a value already set is kept."""
    for name, value in RASA_PROCESS_ENV.items():
        os.environ.setdefault(name, value)


def rasa_bin() -> str:
    return str(Path(sys.executable).with_name("rasa"))


def _files(root: Path, inputs: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in inputs:
        path = root / name
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return found


def inputs_hash(
    root: Path = ROOT, inputs: Iterable[str] = TRAINING_INPUTS, config: str = "config.yml"
) -> str:
    """sha256 over the training inputs' paths and contents (config may be swapped for tests); with
    this project's config, the graph components' code too."""
    digest = hashlib.sha256()
    names = [config if i == "config.yml" else i for i in inputs]
    if config == "config.yml":
        names += list(GRAPH_COMPONENTS)
    for path in _files(root, names):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fit_language_models() -> None:
    """Fits the intent models of the languages whose examples changed, so no Rasa worker has to."""
    fitted = fit_missing(OTHER_LANGUAGES)
    if fitted:
        print(f"Fitted the intent models of the changed languages: {', '.join(fitted)}.", flush=True)


def model_path(models_dir: Path, name: str, digest: str) -> Path:
    return models_dir / f"{name}-{digest}.tar.gz"


def train_if_needed(
    config: str = "config.yml", models_dir: Path | None = None, name: str = "servator", force: bool = False
) -> Path:
    """Return the model for the current inputs, training it first only if it is missing; with this
    project's config, the other languages' intent models too (nlu/language_model.py)."""
    models_dir = models_dir or ROOT / "models"
    if config == "config.yml":
        fit_language_models()
    digest = inputs_hash(config=config)
    target = model_path(models_dir, name, digest)
    if target.exists() and not force:
        print(
            f"Model is up to date ({target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}); not retraining.",
            flush=True,
        )
        return target
    print(
        f"Training inputs changed: training {target.name} (this assistant: under a minute; vanilla Rasa for `make bench`: about 15 minutes)...",
        flush=True,
    )
    command = [
        rasa_bin(),
        "train",
        "--config",
        str(ROOT / config),
        "--domain",
        str(DOMAIN_PATH),
        "--data",
        str(ROOT / "data"),
        "--out",
        str(models_dir),
        "--fixed-model-name",
        target.name[: -len(".tar.gz")],
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=rasa_env())
    for old in models_dir.glob(f"{name}-*.tar.gz"):
        if old != target:
            old.unlink()
    return target
