"""AccountOpeningGate: outside a report, an account of what was seen starts one (config.yml)."""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu.gate import ML_EMERGENCY_THRESHOLD, IntentGate, language_of, set_intent
from nlu.intent_classifier import chosen_response_key
from reading.account.languages import tells_a_sighting
from reading.form.text import is_payload, is_question
from reading.intents import EMERGENCY_INTENT, FALLBACK_INTENT, STATUS_INTENT
from reading.language import ENGLISH


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AccountOpeningGate(IntentGate):
    """Outside a report, a message that tells what was seen starts one, whatever little word the
    classifier keyed on ("Hi, about 20 minutes ago I saw a man filming the gates of..." is not a
    greeting). It needs a kind of behaviour and one more thing about it (reading.account), and is
    not a question; a confident answer of another kind (an FAQ, a contact) is kept, except the
    railway's numbers: a sighting told, not asked about, on a platform is a report (the report
    names British Transport Police). An English everyday message the classifier would answer as
    out of scope (sure enough not to fall back) is kept too: a film scene or a game level told like a
    sighting never starts a report."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`min_words`: shorter messages are not accounts; `keep_confidence`: a confident intent
        outside `replaceable` is kept; `keep_out_of_scope`: out of scope is kept from this."""
        return {"min_words": 8, "keep_confidence": 0.6, "keep_out_of_scope": 0.6}

    def __init__(
        self, min_words: int = 8, keep_confidence: float = 0.6, keep_out_of_scope: float = 0.6
    ) -> None:
        self._min_words = min_words
        self._keep_confidence = keep_confidence
        self._keep_out_of_scope = keep_out_of_scope

    def process(self, messages: list[Message], tracker: DialogueStateTracker | None = None) -> list[Message]:
        """Replaces the intent by `describe_suspicious` for an account told outside a report."""
        if tracker is not None and tracker.active_loop_name is not None:
            return messages
        for message in messages:
            intent = message.get(INTENT) or {}
            name, confidence = intent.get(INTENT_NAME_KEY), float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0)
            if chosen_response_key(message, name) in REPLACEABLE_ANSWERS:
                confidence = 0.0
            text = message.get(TEXT) or ""
            doubtful_emergency = name == EMERGENCY_INTENT and confidence < ML_EMERGENCY_THRESHOLD
            english = language_of(message) == ENGLISH
            if english and name == OUT_OF_SCOPE_INTENT and confidence >= self._keep_out_of_scope:
                continue
            if name == DESCRIBE_INTENT or (
                name not in REPLACEABLE and not doubtful_emergency and confidence >= self._keep_confidence
            ):
                continue
            if len(text.split()) < self._min_words or _asks(text) or is_payload(text):
                continue
            if tells_a_sighting(text, language_of(message)):
                set_intent(message, DESCRIBE_INTENT)
        return messages


def _asks(text: str) -> bool:
    """A question anywhere in the message, not only at its end: "Playing a game set in an embassy.
    How do I get past the guards? Stuck for ages." asks about a game, it does not tell a sighting
    (an account the classifier already reads as one is not gated)."""
    return is_question(text) or "?" in text


# What a whole account is often mistaken for: its greeting, an answer word, or nothing sure.
REPLACEABLE = frozenset(
    {"greet", "help", "thank", "goodbye", "inform", "skip", "affirm", "deny", FALLBACK_INTENT, STATUS_INTENT}
)
# Answers an account told (not asked) is better served by a report that gives the same number.
REPLACEABLE_ANSWERS = frozenset({"contact/railway"})
DESCRIBE_INTENT = "describe_suspicious"
OUT_OF_SCOPE_INTENT = "out_of_scope"
