"""Rasa graph component around LinearIntentModel: intents and FAQ answers from one model.

It stands where DIETClassifier and ResponseSelector stood (config.yml) and fills in the same
parse output: `intent` and `intent_ranking` with base intents (`faq`), and, for the retrieval
intents, `response_selector` with the chosen response key (`faq/aim`), which Rasa's retrieval
actions (`utter_faq`, `utter_contact`) read. A base intent's confidence is the sum of its
sub-labels' probabilities, so two close FAQ answers are not mistaken for an ambiguous intent.
"""

from __future__ import annotations

import logging

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.linear_model import LinearIntentModel
from nlu.persisted_model import PersistedLinearModel

logger = logging.getLogger(__name__)

MODEL_FILE = "linear_intent_model.npz"
RANKING_LENGTH = 10


def _base(label: str) -> str:
    return label.split("/", 1)[0]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(PersistedLinearModel, IntentClassifier):
    """Classifies intents and retrieval sub-intents with a calibrated linear SVM."""

    MODEL_FILE = MODEL_FILE

    def _use(self, model: LinearIntentModel | None) -> None:
        self._model = model
        labels = model.labels if model is not None else []
        self._retrieval_intents = sorted({_base(label) for label in labels if "/" in label})

    def train(self, training_data: TrainingData) -> Resource:
        """Fits on every intent example, labelled with its response key where it has one."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        texts = [m.get(TEXT) for m in examples]
        labels = [m.get(INTENT_RESPONSE_KEY) or m.get(INTENT) for m in examples]
        return self._keep(LinearIntentModel(c=self._c).fit(texts, labels))

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets intent, intent_ranking and, for retrieval intents, response_selector."""
        if self._model is None or not messages:
            return messages
        for message, ranked in zip(
            messages, self._model.rank([message.get(TEXT) or "" for message in messages])
        ):
            self._set_prediction(message, ranked, self._retrieval_intents)
        return messages

    @staticmethod
    def _set_prediction(
        message: Message, ranked: list[tuple[str, float]], retrieval_intents: list[str]
    ) -> None:
        bases = [_base(label) for label, _ in ranked]  # once a label: there are a hundred or more
        totals: dict[str, float] = {}
        for base, (_, probability) in zip(bases, ranked):
            totals[base] = totals.get(base, 0.0) + probability
        ranking = [
            {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
            for name, confidence in sorted(totals.items(), key=lambda item: -item[1])
        ][:RANKING_LENGTH]
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        top = ranking[0][INTENT_NAME_KEY]
        if top not in retrieval_intents:
            return
        within = [(label, p / totals[top]) for base, (label, p) in zip(bases, ranked) if base == top]
        key, confidence = within[0]
        prediction = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                PREDICTED_CONFIDENCE_KEY: confidence,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{key}",
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {PREDICTED_CONFIDENCE_KEY: p, INTENT_RESPONSE_KEY: label}
                for label, p in within[:RANKING_LENGTH]
            ],
        }
        message.set(
            RESPONSE_SELECTOR_PROPERTY_NAME,
            {RESPONSE_SELECTOR_RETRIEVAL_INTENTS: retrieval_intents, top: prediction},
            add_to_output=True,
        )


def chosen_response_key(message: Message, intent: str | None) -> str | None:
    """The retrieval answer `_set_prediction` chose for `intent` ("contact/railway"), or None."""
    selected = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(intent) or {}
    return (selected.get(RESPONSE_SELECTOR_PREDICTION_KEY) or {}).get(INTENT_RESPONSE_KEY)
