"""What the pipeline's rule components share: built from their config alone, the gates' intent edits,
and the bot's turn since the person last spoke (read by the gates and by the NLG).

A rule component has nothing to train or persist: Rasa builds it with `create` (and `load`, which
calls `create`) from the config merged with `get_default_config()`, and each default's key is also
the name of a constructor argument. A gate (IntentGate) runs after the ML intent classifier and may
replace the intent it chose; its `process(messages, tracker)` gets the conversation as it was
before the message (None when a message is parsed alone, e.g. `/model/parse`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from reading.language import ENGLISH

# An `emergency` that only the ML classifier saw, below this confidence, is not answered as one.
ML_EMERGENCY_THRESHOLD = 0.9
# The parse output's language decision (nlu/language_gate.py), and the entity filling the slot.
LANGUAGE_KEY = "language"
LANGUAGE_ENTITY = "language"

Built = TypeVar("Built", bound="RuleComponent")


class RuleComponent(GraphComponent):
    """A component with nothing to train: its constructor takes its config's keys as arguments."""

    @classmethod
    def create(
        cls: type[Built],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Built:
        """Each default setting, as given in config.yml (of the default's type), or the default."""
        settings = {
            key: type(value)(config.get(key, value)) for key, value in cls.get_default_config().items()
        }
        return cls(**settings)


class IntentGate(RuleComponent, IntentClassifier):
    """Runs after the ML intent classifier, whose intent it may replace."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]


def set_intent(message: Message, name: str) -> None:
    """`name` becomes the intent, with full confidence, first in the ranking (listed once)."""
    chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [dict(r) for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(chosen)] + ranking, add_to_output=True)


def language_of(message: Message) -> str:
    """The conversation's language decided for this message (English when not decided)."""
    decided = message.get(LANGUAGE_KEY) or {}
    return str(decided.get("conversation") or ENGLISH)


def set_language_entity(message: Message, language: str) -> None:
    """The message's `language` entity (one, replacing any before it), which fills the slot."""
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != LANGUAGE_ENTITY]
    entities.append({"entity": LANGUAGE_ENTITY, "value": language, "extractor": "LanguageGate"})
    message.set(ENTITIES, entities, add_to_output=True)
    decided = dict(message.get(LANGUAGE_KEY) or {})
    message.set(LANGUAGE_KEY, {**decided, "conversation": language}, add_to_output=True)


def bot_turn_since_person_spoke(tracker: DialogueStateTracker) -> list[BotUttered]:
    """What the bot said after the person's last message, latest first (all it said when the person
    has not spoken yet)."""
    said: list[BotUttered] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            said.append(event)
    return said
