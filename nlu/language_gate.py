"""LanguageGate: the conversation's language, and the intent of a message in another language.

Runs after the English classifier and FallbackClassifier, before the form and danger gates
(config.yml). For each message it decides the conversation's language (reading/language/choice.py:
the `language` slot so far, the text, Telegram's `language_code` as a hint only) and adds it as a
`language` entity, which fills the `language` slot. A message in another language gets its intent
from that language's model (nlu/language_model.py); an unsure one becomes `nlu_fallback`. Asking
for a language ("English please", "Français") is the intent `switch_language`: the reply says, in
the new language, that the conversation carries on in it (and a report's question is asked again).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import RESPONSE_SELECTOR_PROPERTY_NAME
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.gate import LANGUAGE_KEY, IntentGate, set_intent, set_language_entity
from nlu.intent_classifier import LinearIntentClassifier
from nlu.language_model import language_model, rank
from reading.intents import FALLBACK_INTENT, SWITCH_LANGUAGE_INTENT
from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.answers import english_form_answer
from reading.language.choice import conversation_language, requested_language
from reading.language.danger import cues_for
from reading.language.identify import identify

LANGUAGE_SLOT = "language"
HINT_KEY = "language_hint"
RETRIEVAL_INTENTS = ["contact", "faq"]
# A message in another language classified below this is not understood (utter_default, in it).
FALLBACK_THRESHOLD = 0.4
# An English message in a conversation in another language keeps the English classifier's intent.
ENGLISH_CONFIDENCE = 0.8


def warm_up() -> None:
    """Loads the identifier and builds every language's cues (as read alone and inside an English
    message, so no one's message pays for building them), answers and intent model."""
    conversation_language("warming up the language reader", None)
    for code in OTHER_LANGUAGES:
        cues_for(code)
        cues_for(code, ENGLISH)
        english_form_answer("", code)
        language_model(code)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageGate(IntentGate):
    """Decides the conversation's language and classifies messages in the other languages."""

    def __init__(self) -> None:
        """Everything is built when the model loads (a few seconds), so no person's first message
        waits for it: fastText, every language's cues and intent model."""
        warm_up()

    def process(self, messages: list[Message], tracker: DialogueStateTracker | None = None) -> list[Message]:
        """Adds the `language` entity; replaces the intent of a message in another language."""
        current = tracker.get_slot(LANGUAGE_SLOT) if tracker is not None else None
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            metadata = message.get(METADATA) or {}
            hint = metadata.get(HINT_KEY) if isinstance(metadata, dict) else None
            language = conversation_language(text, current, hint)
            guess = identify(text)
            message.set(
                LANGUAGE_KEY,
                {
                    "conversation": language,
                    "message": guess.language,
                    "confidence": round(guess.confidence, 3),
                },
                add_to_output=True,
            )
            set_language_entity(message, language)
            if requested_language(text):
                set_intent(message, SWITCH_LANGUAGE_INTENT)
            elif language != ENGLISH and not (
                guess.language == ENGLISH and guess.confidence >= ENGLISH_CONFIDENCE
            ):
                self._classify(message, language, text)
        return messages

    @staticmethod
    def _classify(message: Message, language: str, text: str) -> None:
        ranked = rank(language, text)
        if not ranked:
            return
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, {}, add_to_output=True)
        LinearIntentClassifier._set_prediction(message, ranked, RETRIEVAL_INTENTS)
        if ranked[0][1] < FALLBACK_THRESHOLD:
            set_intent(message, FALLBACK_INTENT)
