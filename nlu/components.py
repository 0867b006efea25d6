"""Rasa 3.6 graph components for the deterministic safety layer (see config.yml).

SafetyEntityExtractor adds the report entities (postcode, registration, time, place) that rules find
more reliably than a model trained on a few hundred examples (FormAnswerGate, which reads the report
form's answers, is in nlu/form_gate.py). DangerGate runs last, after FallbackClassifier: when the
danger detector fires, the intent becomes `emergency` with full confidence whatever the classifiers
said, so the 999 reply comes first; a message surely in another language that reads it as harmless
(a film, a question about armed police) does not fire on an English danger word alone, and every
language's cues are read too. An `emergency` that only the ML classifier saw, with less than
`ml_emergency_threshold` confidence, becomes `nlu_fallback`: its answer still says to call 999 if
anyone is in danger, without the false alarm of the full emergency reply. When the rules do not fire
on a message in English, the emergency model's probability (nlu/emergency_model.py) at or above
`emergency_model_threshold` fires too (reason `model`), unless the rules read the danger they saw as
harmless (a figure of speech, a trade's tool, fiction, the news, a joke), and outside the report
form: inside it the answers (a place, a time, "two men trying the side door") are read against the
question asked, with the report's context, and the form asks whether it is still happening; the
rules, made for that, read every answer, and the model would add false alarms in the middle of a
report. The same holds in the other languages: a message in a conversation in one of them, where no
rule fired, is an emergency when that language's model (nlu/language_emergency_model.py) is at or
above the language's threshold in `language_model_thresholds` (reason `<code>:model`), answered in
it. Outside the form, English rules that fired only on bare danger words the emergency model is sure
are calm (nlu/caution.py) leave the intent as it is: `danger` says `caution`, and the first reply
still says to call 999 (servator/rasa_runtime/nlg.py).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu.caution import CAUTION_KEY, Caution
from nlu.emergency_model import PROBABILITY_KEY
from nlu.form_gate import REPORT_FORM
from nlu.gate import (
    LANGUAGE_KEY,
    ML_EMERGENCY_THRESHOLD,
    IntentGate,
    RuleComponent,
    language_of,
    set_intent,
    set_language_entity,
)
from nlu.language_emergency_model import PROBABILITY_KEY as LANGUAGE_PROBABILITY_KEY
from nlu.language_emergency_model import reads_as_account, too_short_to_judge
from reading.danger import DangerDetector, DangerResult
from reading.entities import extract_entities
from reading.intents import EMERGENCY_INTENT, FALLBACK_INTENT
from reading.language import ENGLISH
from reading.language.danger import english_word_explained, message_danger
from reading.language.identify import identify

logger = logging.getLogger(__name__)

DANGER_KEY = "danger"
MODEL_REASON = "model"
# Above 1: the model never fires unless config.yml sets its calibrated threshold.
MODEL_OFF = 1.01


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SafetyEntityExtractor(RuleComponent, EntityExtractorMixin):
    """Appends rule-based report entities to whatever earlier extractors found (reading/entities.py)."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds postcode/vehicle_registration/time/place entities, keeping existing ones."""
        for message in messages:
            text = message.get(TEXT) or ""
            found = self.add_extractor_name(extract_entities(text))
            if found:
                message.set(ENTITIES, (message.get(ENTITIES) or []) + found, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerGate(IntentGate):
    """Overrides the intent with `emergency` when the deterministic danger detector fires.

    Its detector's spaCy rules are built once, when the model is loaded.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """ML-only emergencies below `ml_emergency_threshold` are not treated as emergencies;
        an emergency model's probability at or above `emergency_model_threshold` (English) or the
        language's entry in `language_model_thresholds` is one, unless `harmless_reading_wins`
        and the rules read the danger they saw as harmless."""
        return {
            "ml_emergency_threshold": ML_EMERGENCY_THRESHOLD,
            "emergency_model_threshold": MODEL_OFF,
            "language_model_thresholds": {},
            "harmless_reading_wins": True,
            "caution_below": 0.0,
            "caution_min_words": Caution.min_words,
        }

    def __init__(
        self,
        detector: DangerDetector | None = None,
        ml_emergency_threshold: float = ML_EMERGENCY_THRESHOLD,
        emergency_model_threshold: float = MODEL_OFF,
        harmless_reading_wins: bool = True,
        language_model_thresholds: dict[str, float] | None = None,
        caution_below: float = 0.0,
        caution_min_words: int = Caution.min_words,
    ) -> None:
        self._detector = detector or DangerDetector()
        self._ml_threshold = ml_emergency_threshold
        self._model_threshold = emergency_model_threshold
        self._language_thresholds = {str(k): float(v) for k, v in (language_model_thresholds or {}).items()}
        self._harmless_wins = harmless_reading_wins
        self._caution = Caution(caution_below, caution_min_words)

    def process(self, messages: list[Message], tracker: DialogueStateTracker | None = None) -> list[Message]:
        """Flagged messages become `emergency` (first in the ranking); others keep the ML result.

        Every message gets `danger` = {fired, reasons} in the parse output (labels, never text).
        `tracker` (the conversation before this message) tells whether a bag or package is
        already being talked about, so "now it's beeping" fires in a report about a holdall.
        """
        item_in_play = self._item_in_play(tracker)
        model_scores = self._model_scores(tracker)
        for message in messages:
            text = message.get(TEXT) or ""
            result = self._detector.detect(text, item_in_play=item_in_play)
            if (
                result.fired
                and not text.startswith("/")
                and self._harmless_in_its_language(message, text, result.reasons)
            ):
                result = DangerResult(False)
            explained = bool(result.explained) and self._harmless_wins
            if not result.fired and not text.startswith("/"):
                result = self._in_other_languages(message, text)
            if not result.fired and model_scores and not explained:
                result = self._model_verdict(message, text)
            caution = model_scores and self._cautious(message, text, result)
            danger = {"fired": result.fired, "reasons": list(result.reasons)}
            message.set(DANGER_KEY, {**danger, CAUTION_KEY: True} if caution else danger, add_to_output=True)
            if not result.fired or caution:
                self._demote_unconfirmed_emergency(message)
                if caution:
                    logger.info("Danger gate: caution, %s", ",".join(result.reasons))
                continue
            set_intent(message, EMERGENCY_INTENT)
            logger.info("Danger gate fired: %s", ",".join(result.reasons))
        return messages

    def _cautious(self, message: Message, text: str, result: DangerResult) -> bool:
        """English rules fired on bare words the English model is sure are calm (nlu/caution.py)."""
        return language_of(message) == ENGLISH and self._caution.holds(
            result, message.get(PROBABILITY_KEY), text
        )

    @staticmethod
    def _model_scores(tracker: DialogueStateTracker | None) -> bool:
        """Outside the report form (the rules alone read its answers)."""
        return tracker is None or tracker.active_loop_name != REPORT_FORM

    def _model_verdict(self, message: Message, text: str) -> DangerResult:
        """The emergency model of the message's language is sure enough: English's reads English,
        each other language's its own (LanguageEmergencyClassifier scores only that language),
        unless the message is too short to judge ("yo") or that language's intent model reads it as an
        account of suspicious behaviour."""
        language = language_of(message)
        if language == ENGLISH:
            probability, threshold, reason = message.get(PROBABILITY_KEY), self._model_threshold, MODEL_REASON
        else:
            probability = message.get(LANGUAGE_PROBABILITY_KEY)
            threshold = self._language_thresholds.get(language, MODEL_OFF)
            reason = f"{language}:{MODEL_REASON}"
        fired = isinstance(probability, float) and probability >= threshold
        if (
            fired
            and language != ENGLISH
            and (too_short_to_judge(language, text) or reads_as_account(language, text))
        ):
            fired = False
        return DangerResult(True, (reason,)) if fired else DangerResult(False)

    @staticmethod
    def _decided(message: Message, text: str) -> dict[str, Any]:
        """The language decision of LanguageGate, with the message identified when it is missing."""
        decided = dict(message.get(LANGUAGE_KEY) or {})
        if not decided.get("message"):
            guess = identify(text)
            decided.update(message=guess.language, confidence=guess.confidence)
        return decided

    def _harmless_in_its_language(self, message: Message, text: str, reasons: tuple[str, ...]) -> bool:
        """Surely in another language that sees the same danger and reads it as harmless: its
        English danger words alone ("un film d'action avec des explosions") make no emergency."""
        decided = self._decided(message, text)
        confidence = float(decided.get("confidence") or 0)
        return english_word_explained(text, str(decided["message"]), confidence, reasons)

    def _in_other_languages(self, message: Message, text: str) -> DangerResult:
        """The other languages' cues; when one fires, the 999 answer comes in that language."""
        decided = self._decided(message, text)
        verdict = message_danger(
            text,
            str(decided["message"]),
            float(decided.get("confidence") or 0),
            str(decided["conversation"]) if decided.get("conversation") else None,
        )
        if verdict is None:
            return DangerResult(False)
        if language_of(message) != verdict.language:
            set_language_entity(message, verdict.language)
        return DangerResult(True, tuple(f"{verdict.language}:{kind}" for kind in verdict.kinds))

    def _item_in_play(self, tracker: DialogueStateTracker | None) -> bool:
        """The report's description or the message before this one speaks of a bag or package."""
        if tracker is None:
            return False
        previous = tracker.latest_message.text if tracker.latest_message else None
        return any(
            self._detector.mentions_item(text) for text in (tracker.get_slot("report_description"), previous)
        )

    def _demote_unconfirmed_emergency(self, message: Message) -> None:
        """An ML-only `emergency` below the threshold becomes `nlu_fallback` (which names 999)."""
        intent = message.get(INTENT) or {}
        if (
            intent.get(INTENT_NAME_KEY) != EMERGENCY_INTENT
            or intent.get(PREDICTED_CONFIDENCE_KEY, 0) >= self._ml_threshold
        ):
            return
        fallback = {
            INTENT_NAME_KEY: FALLBACK_INTENT,
            PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 0),
        }
        message.set(INTENT, fallback, add_to_output=True)
        message.set(
            INTENT_RANKING_KEY,
            [dict(fallback)] + list(message.get(INTENT_RANKING_KEY) or []),
            add_to_output=True,
        )
