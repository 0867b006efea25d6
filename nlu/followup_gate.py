"""While a check on a report is under way (actions/followup_actions.py), every message belongs to it;
a reference and a follow-up code pasted together start one.

The check asks for a reference and a follow-up code, then takes the next message as the answer to an
officer's question: whatever the classifier made of such a message (an answer often reads like an
account or a question), the intent becomes `check_report` and the action carries the check on. An
`emergency` the classifier is sure of stays one, and DangerGate, which runs after this gate, still decides danger on every message.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.gate import ML_EMERGENCY_THRESHOLD, IntentGate, set_intent
from reading.intents import EMERGENCY_INTENT
from reading.references import gives_reference_and_code

FOLLOWUP_INTENT = "check_report"
FOLLOWUP_SLOT = "followup_details"
CHECK_STAGES = frozenset({"credentials", "answer"})


def check_under_way(tracker: DialogueStateTracker | None) -> bool:
    """The conversation is in a check on a report (and not in a form)."""
    if tracker is None or tracker.active_loop_name is not None:
        return False
    details = tracker.get_slot(FOLLOWUP_SLOT)
    return isinstance(details, dict) and details.get("stage") in CHECK_STAGES


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FollowUpGate(IntentGate):
    """Sets `check_report` on every message of a check on a report under way."""

    def process(self, messages: list[Message], tracker: DialogueStateTracker | None = None) -> list[Message]:
        under_way = check_under_way(tracker)
        for message in messages:
            if not (under_way or _starts_a_check(message, tracker)):
                continue
            intent = message.get(INTENT) or {}
            sure_emergency = (
                intent.get(INTENT_NAME_KEY) == EMERGENCY_INTENT
                and float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= ML_EMERGENCY_THRESHOLD
            )
            if not sure_emergency:
                set_intent(message, FOLLOWUP_INTENT)
        return messages


def _starts_a_check(message: Message, tracker: DialogueStateTracker | None) -> bool:
    """A reference and a follow-up code pasted outside a form start a check, whatever the
    classifier read in them."""
    in_form = tracker is not None and tracker.active_loop_name is not None
    return not in_form and gives_reference_and_code(message.get(TEXT))
