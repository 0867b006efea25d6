"""LanguageEmergencyClassifier: the probability that a message in another language tells of
danger now, from that language's own model.

Each other language's danger cues (languages/<code>/danger.yml) catch the emergencies their words
describe; fresh phrasing slips past them, as in English. Beside them, as the English emergency model
(nlu/emergency_model.py) is beside the English rules, each language has a two-label
LinearIntentModel (word and character n-grams: the character ones read other scripts and words typed
without their diacritics) trained on that language's written corpus (corpus/emergency/languages/)
and its intent examples (languages/<code>/nlu.yml: `emergency` against every other intent). This
component sets, on a message whose conversation is in one of those languages (LanguageGate decided
it), `language_emergency_probability` from that language's model; DangerGate decides with the
language's threshold (config.yml), and the 999 answer comes in that language.

The written corpus has few long accounts of suspicious behaviour ("an hour ago a man tried the side
doors of the embassy, then drove off towards..."), which share a danger-now message's words (the
embassy, the gate, forcing, now); the model alone rates some of them as emergencies. The language's
intent model (nlu/language_model.py) knows them: when it reads the message as a description or a
report of suspicious behaviour (`reads_as_account`), the model alone does not make it an emergency
(at 0.95 for every language on the development sets 07d and 07e, it kept 16 of the 18 emergencies
gained and removed 6 of the 10 false alarms added).
"""

from __future__ import annotations

import hashlib

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.emergency_data import (
    EMERGENCY,
    LANGUAGES_CORPUS_DIR,
    Example,
    external_fingerprint,
    language_corpus_examples,
)
from nlu.emergency_model import EmergencyScorer, fit
from nlu.gate import language_of
from nlu.language_model import rank
from nlu.linear_model import LinearIntentModel
from nlu.persisted_model import PersistedLinearModel
from reading.language import OTHER_LANGUAGES
from reading.language.data import LANGUAGES_DIR, nlu_examples

MODEL_FILE = "language_emergency_model.npz"
PROBABILITY_KEY = "language_emergency_probability"
NLU_SOURCE = "nlu"
# The language's intent model reading the message as one of these, at least this surely, vetoes
# the emergency model alone.
ACCOUNT_INTENTS = frozenset({"describe_suspicious", "report_suspicious"})
ACCOUNT_CONFIDENCE = 0.5


def intent_examples(language: str) -> list[Example]:
    """The language's intent examples: `emergency` against every other intent."""
    return [
        (text, intent == EMERGENCY, NLU_SOURCE)
        for intent, texts in nlu_examples(language).items()
        for text in texts
        if text
    ]


def language_examples(language: str) -> list[Example]:
    """Everything one language's model trains on: its corpus (by writer) and its intent examples."""
    return language_corpus_examples(language) + intent_examples(language)


def trainable(examples: list[Example]) -> bool:
    """Both kinds, enough of each for the temperature's folds."""
    positives = sum(positive for _, positive, _ in examples)
    return positives >= 3 and len(examples) - positives >= 3


def fit_languages(c: float = 1.0) -> dict[str, LinearIntentModel]:
    """Every other language's model, for those with examples of both kinds."""
    models = {}
    for language in OTHER_LANGUAGES:
        examples = language_examples(language)
        if trainable(examples):
            models[language] = fit(examples, c)
    return models


# A message this short ("yo", "ok 👍") gives a language's model too little to judge: the rules
# read it alone. Chinese, written without spaces, is counted in characters.
MIN_WORDS = 2
MIN_HAN_CHARACTERS = 4


def too_short_to_judge(language: str, text: str) -> bool:
    """Fewer than MIN_WORDS words with a letter in them (Chinese: MIN_HAN_CHARACTERS letters)."""
    if language == "zh":
        return sum(c.isalpha() for c in text) < MIN_HAN_CHARACTERS
    return sum(any(c.isalpha() for c in word) for word in text.split()) < MIN_WORDS


def reads_as_account(language: str, text: str) -> bool:
    """The language's intent model reads the message as an account or report of suspicious behaviour."""
    ranked = rank(language, text)
    if not ranked:
        return False
    label, confidence = ranked[0]
    return label.split("/", 1)[0] in ACCOUNT_INTENTS and confidence >= ACCOUNT_CONFIDENCE


def languages_fingerprint() -> str:
    """The languages' corpus and intent examples: a change to them retrains."""
    digest = hashlib.sha256(external_fingerprint(LANGUAGES_CORPUS_DIR).encode())
    for language in OTHER_LANGUAGES:
        path = LANGUAGES_DIR / language / "nlu.yml"
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LanguageEmergencyClassifier(PersistedLinearModel):
    """Sets `language_emergency_probability` on messages in another language (DangerGate decides)."""

    MODEL_FILE = MODEL_FILE

    @classmethod
    def _inputs_fingerprint(cls) -> str | None:
        """The languages' corpus and intent examples: a change retrains."""
        return languages_fingerprint()

    def _use_models(self, models: dict[str, LinearIntentModel]) -> None:
        self._scorers = {language: EmergencyScorer(model) for language, model in models.items()}

    def train(self, training_data: TrainingData) -> Resource:
        """Fits each language's model on its own examples (not Rasa's English data), then saves."""
        return self._keep_models(fit_languages(self._c))

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets the probability (rounded to 4 places) on every message in a language with a model."""
        for message in messages:
            text = message.get(TEXT) or ""
            scorer = self._scorers.get(language_of(message))
            if scorer is not None and text and not text.startswith("/"):
                message.set(PROBABILITY_KEY, round(scorer.probability(text), 4), add_to_output=True)
        return messages
