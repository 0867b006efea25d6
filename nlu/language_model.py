"""Intent models for the assistant's other languages, one per language, trained when first used.

Each is the project's linear model (nlu/linear_model.py) fitted on `languages/<code>/nlu.yml`
(a few hundred short examples: well under a second), so the Rasa model does not change when a
language's examples do.
"""

from __future__ import annotations

import functools
import logging

from nlu.linear_model import LinearIntentModel
from reading.language.data import nlu_examples

logger = logging.getLogger(__name__)
MIN_INTENTS = 2


@functools.cache
def language_model(language: str) -> LinearIntentModel | None:
    """The language's fitted intent model, or None when it has too few intents to learn."""
    examples = nlu_examples(language)
    texts = [text for texts in examples.values() for text in texts]
    labels = [label for label, texts in examples.items() for _ in texts]
    if len(examples) < MIN_INTENTS:
        return None
    folds = max(2, min(5, min(len(texts) for texts in examples.values())))
    logger.info("Fitting the %s intent model on %d examples", language, len(texts))
    return LinearIntentModel().fit(texts, labels, folds=folds)


def rank(language: str, text: str) -> list[tuple[str, float]] | None:
    """Labels (`greet`, `faq/what_is_servator`, …) with probabilities, best first; None without a model."""
    model = language_model(language)
    return model.rank([text])[0] if model is not None else None
