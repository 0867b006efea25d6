"""Intent models for the assistant's other languages, one per language, fitted once and kept.

Each is the project's linear model (nlu/linear_model.py) fitted on `languages/<code>/nlu.yml`
(a few hundred short examples), kept outside the Rasa model so the Rasa model does not change when
a language's examples do. A fitted model is saved in `models/languages/`, named by a hash of its
examples and of the code that fits it: `servator train` fits the ones that changed
(`fit_missing`), and each Rasa worker reads the ten back in milliseconds where fitting them took
it seconds of CPU at every start.

Every text is read as `prepared` gives it, in fitting and in ranking. People type the same words
with and without accents ("está", "esta") and Arabic letters in several forms (أ إ ا, ة ه), which
would otherwise be different n-grams. Chinese is written without spaces, so a whole clause would be
one word no example shares, and a greeting before a long account would outweigh the account: its
pairs of neighbouring characters are added as words.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from nlu import linear_model
from nlu.linear_model import LinearIntentModel
from reading import regex
from reading.language.data import nlu_examples
from reading.language.text import has_han, normalise

logger = logging.getLogger(__name__)
MIN_INTENTS = 2
MODELS_DIR = Path(__file__).resolve().parents[1] / "models" / "languages"
# What a fitted model depends on besides its examples: a change to any of them fits it again.
FITTING_CODE = (Path(__file__), Path(linear_model.__file__))
_HAN_RUN = regex.compile(r"\p{Han}+")


def prepared(text: str) -> str:
    """The text as the model reads it: `normalise`d (lower case, no accents or punctuation, Arabic
    letter forms made one), then each pair of neighbouring Han characters as a word."""
    folded = normalise(text)
    if not has_han(folded):
        return folded
    pairs = [run[i : i + 2] for run in _HAN_RUN.findall(folded) for i in range(max(1, len(run) - 1))]
    return f"{folded} {' '.join(pairs)}"


def model_path(language: str) -> Path | None:
    """Where the language's fitted model is kept, or None when it has too few intents to learn."""
    examples = nlu_examples(language)
    if len(examples) < MIN_INTENTS:
        return None
    digest = hashlib.sha256(json.dumps(examples, ensure_ascii=False).encode())
    for code in FITTING_CODE:
        digest.update(code.read_bytes())
    digest.update(version("scikit-learn").encode())
    return MODELS_DIR / f"{language}-{digest.hexdigest()[:16]}.npz"


def _fit(language: str) -> LinearIntentModel:
    examples = nlu_examples(language)
    texts = [prepared(text) for texts in examples.values() for text in texts]
    labels = [label for label, texts in examples.items() for _ in texts]
    folds = max(2, min(5, min(len(texts) for texts in examples.values())))
    logger.info("Fitting the %s intent model on %d examples", language, len(texts))
    return LinearIntentModel().fit(texts, labels, folds=folds)


def _keep(model: LinearIntentModel, path: Path, language: str) -> None:
    """Saves the model under its new name (whole or not at all: workers may read it meanwhile)
    and removes the language's older models; a folder that cannot be written only costs a refit."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
            model.save(Path(part.name))
        os.replace(part.name, path)
        for old in path.parent.glob(f"{language}-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("Could not keep the %s intent model: %s", language, error)


@functools.cache
def language_model(language: str) -> LinearIntentModel | None:
    """The language's fitted intent model, or None when it has too few intents to learn."""
    path = model_path(language)
    if path is None:
        return None
    if path.is_file():
        try:
            return LinearIntentModel.load(path)
        except (OSError, ValueError, KeyError) as error:
            logger.warning(
                "Fitting the %s intent model again: %s unreadable (%s)", language, path.name, error
            )
    model = _fit(language)
    _keep(model, path, language)
    return model


def fit_missing(languages: Iterable[str]) -> list[str]:
    """Fits and keeps the models not kept for the current examples; returns their languages."""
    fitted = []
    for language in languages:
        path = model_path(language)
        if path is not None and not path.is_file():
            language_model(language)
            fitted.append(language)
    return fitted


def rank(language: str, text: str) -> list[tuple[str, float]] | None:
    """Labels (`greet`, `faq/what_is_servator`, …) with probabilities, best first; None without a model."""
    model = language_model(language)
    return model.rank([prepared(text)])[0] if model is not None else None
