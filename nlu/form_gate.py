"""FormAnswerGate: inside the report form, the message is the answer unless it is a command or a
question to the assistant (reading/form/grammar.py decides).

It reads the conversation (Rasa hands an NLU component's `process` the tracker as it was before
this message); after a 999 answer, news of the person's safety or of their call is not an answer.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.emergency_policy import EMERGENCY_ACTION
from nlu.gate import IntentGate, bot_turn_since_person_spoke, language_of, set_intent
from reading.form.grammar import form_intent
from reading.intents import SWITCH_LANGUAGE_INTENT
from reading.language.answers import english_form_answer

FORM_GATE_KEY = "form_answer"
REPORT_FORM = "report_form"


# Responses that tell the person to call 999 now; after one of them, news of their safety or of
# the call is not an answer to the form's question (the acknowledgement keeps it that way).
SAYS_999_NOW = frozenset({EMERGENCY_ACTION, "utter_report_danger_first", "utter_status_noted_in_report"})


def said_999_last(tracker: DialogueStateTracker) -> bool:
    """The bot's last turn (since the person's last message) told them to call 999."""
    return any(
        (event.metadata or {}).get("utter_action") in SAYS_999_NOW
        for event in bot_turn_since_person_spoke(tracker)
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FormAnswerGate(IntentGate):
    """Inside the report form, the message is the answer unless it is a command or a question
    (the grammars live in reading/form/grammar.py)."""

    def process(self, messages: list[Message], tracker: DialogueStateTracker | None = None) -> list[Message]:
        """Replaces the intent by the form's reading of the message (`inform`, `cancel`, …).

        `tracker` is the conversation before this message (None when a message is parsed alone,
        e.g. `/model/parse` or the held-out evaluation: then nothing changes).
        """
        if tracker is None or tracker.active_loop_name != REPORT_FORM:
            return messages
        requested_slot = tracker.get_slot("requested_slot")
        after_999 = said_999_last(tracker)
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) == SWITCH_LANGUAGE_INTENT:
                continue  # asking for a language is never the answer; the question is asked again
            text = message.get(TEXT) or ""
            decided = form_intent(
                english_form_answer(text, language_of(message)) or text,
                requested_slot,
                intent.get(INTENT_NAME_KEY),
                float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0),
                after_999,
            )
            if decided is None or decided == intent.get(INTENT_NAME_KEY):
                continue
            set_intent(message, decided)
            message.set(
                FORM_GATE_KEY,
                {
                    "requested_slot": requested_slot,
                    "classified": intent.get(INTENT_NAME_KEY),
                    "decided": decided,
                },
                add_to_output=True,
            )
        return messages
