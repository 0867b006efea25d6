"""EmergencyClassifier: the probability that a message tells of danger now, from a trained model.

The danger rules (reading/danger) catch the emergencies their words and cues describe; fresh
phrasing slips past them. This component sets, on every message, `emergency_probability` (a number,
never text) from a dedicated two-label LinearIntentModel (TF-IDF word and character n-grams,
calibrated linear SVM) trained on the `emergency` examples against every other NLU example, and
on the corpus written for it (nlu/emergency_data.py). DangerGate decides with it: the rules
fire or the probability reaches its threshold (config.yml).
"""

from __future__ import annotations

import math

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.emergency_data import EMERGENCY, NOT_EMERGENCY, Example, external_examples, external_fingerprint
from nlu.linear_model import CompiledScorer, LinearIntentModel
from nlu.persisted_model import PersistedLinearModel
from reading.danger.text import says_something

MODEL_FILE = "emergency_model.npz"
PROBABILITY_KEY = "emergency_probability"


def nlu_examples(training_data: TrainingData) -> list[Example]:
    """Rasa's intent examples: `emergency` against everything else."""
    return [
        (str(m.get(TEXT)), m.get(INTENT) == EMERGENCY, "nlu")
        for m in training_data.intent_examples
        if m.get(TEXT) and m.get(INTENT)
    ]


def fit(examples: list[Example], c: float = 1.0) -> LinearIntentModel:
    texts = [text for text, _, _ in examples]
    labels = [EMERGENCY if positive else NOT_EMERGENCY for _, positive, _ in examples]
    return LinearIntentModel(c=c).fit(texts, labels, folds=3)


class EmergencyScorer:
    """A fitted model's probability of `emergency` for one text, through the compiled look-ups."""

    def __init__(self, model: LinearIntentModel) -> None:
        if model.labels != [EMERGENCY, NOT_EMERGENCY]:
            raise ValueError(f"expected the labels {EMERGENCY} and {NOT_EMERGENCY}, got {model.labels}")
        self._scorer = CompiledScorer(model.features, model.svm)
        self._temperature = model.temperature

    def probability(self, text: str) -> float:
        # Two labels: sklearn's one score is for the second label (not_emergency); the softmax
        # of (-score, score) scaled by the temperature gives emergency's probability.
        score = float(self._scorer.scores(text)[0])
        return 1.0 / (1.0 + math.exp(min(700.0, 2.0 * self._temperature * score)))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class EmergencyClassifier(PersistedLinearModel):
    """Sets `emergency_probability` on every message (DangerGate decides what it means)."""

    MODEL_FILE = MODEL_FILE

    @classmethod
    def _inputs_fingerprint(cls) -> str | None:
        """The corpus and the other files outside Rasa's data: a change retrains."""
        return external_fingerprint()

    def _use(self, model: LinearIntentModel | None) -> None:
        self._scorer = EmergencyScorer(model) if model is not None else None

    def train(self, training_data: TrainingData) -> Resource:
        """Fits on the NLU examples and the examples outside Rasa's data, then saves it."""
        return self._keep(fit(nlu_examples(training_data) + external_examples(), self._c))

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets `emergency_probability` (rounded to 4 places) on every message with words that say
        something: "at the" alone scored 0.997 (its n-grams are common in short emergencies)."""
        if self._scorer is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            if text and not text.startswith("/") and says_something(text):
                message.set(PROBABILITY_KEY, round(self._scorer.probability(text), 4), add_to_output=True)
        return messages
