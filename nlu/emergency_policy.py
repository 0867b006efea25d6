"""EmergencyPolicy: the 999 response comes first whenever the danger gate fired.

The DangerGate (nlu/components.py) sets the intent to `emergency` deterministically.
This policy turns that into `utter_emergency` as the very next action.

Why it wins inside the report form (Rasa 3.6, read in the installed source): RulePolicy
predicts an active form's next run with `is_no_user_prediction=True`, and
`DefaultPolicyPredictionEnsemble._pick_best_policy` lets only such predictions compete
when any exists, by (confidence, priority). So this prediction is made the same way, with
confidence 1.0 and priority 7 (RulePolicy: 6): it beats the form's happy path. After
`utter_emergency` the form is predicted again and asks its question again: the emergency fills
no answer (the form's slots take only answer intents), only `report_ongoing` = "yes", so the
report records that someone may be in danger (domain.yml).
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from reading.intents import EMERGENCY_INTENT

EMERGENCY_ACTION = "utter_emergency"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class EmergencyPolicy(Policy):
    """Predicts utter_emergency right after a user message the danger gate flagged."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # RulePolicy has priority 6; ties on confidence go to the higher priority.
        return {"priority": 7}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """Nothing to learn: the rule is fixed."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Full confidence in utter_emergency after a flagged message, abstain otherwise."""
        probabilities = self._default_predictions(domain)
        just_heard_user = tracker.latest_action_name == ACTION_LISTEN_NAME
        intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
        if just_heard_user and intent == EMERGENCY_INTENT:
            probabilities[domain.index_for_action(EMERGENCY_ACTION)] = 1.0
            return self._prediction(probabilities, is_no_user_prediction=True)
        return self._prediction(probabilities)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EmergencyPolicy:
        """No persisted state: build afresh."""
        return cls(config, model_storage, resource, execution_context)
