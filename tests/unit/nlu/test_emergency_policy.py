"""EmergencyPolicy: after an emergency, its 999 answer wins over the form's loop prediction; otherwise
it abstains. Rasa objects only (the policy ensemble's own choice): no model."""

from __future__ import annotations

from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from nlu.emergency_policy import EmergencyPolicy


def _emergency_tracker(domain: Domain) -> DialogueStateTracker:
    events: list[Event] = [
        ActionExecuted("action_listen"),
        ActiveLoop("report_form"),
        SlotSet("requested_slot", "report_people"),
        ActionExecuted("action_listen"),
        UserUttered("he's got a gun", intent={"name": "emergency", "confidence": 1.0}),
    ]
    return DialogueStateTracker.from_events("someone", events, domain.slots)


def test_emergency_policy_wins_over_the_forms_loop_prediction(storage, context):
    domain = Domain.from_yaml(
        """
version: "3.1"
intents: [emergency, inform]
actions: [utter_emergency]
responses:
  utter_emergency: [{text: "call 999"}]
forms:
  report_form: {required_slots: []}
"""
    )
    policy = EmergencyPolicy.create(
        EmergencyPolicy.get_default_config(), storage, Resource("emergency"), context
    )
    emergency = policy.predict_action_probabilities(_emergency_tracker(domain), domain)
    assert emergency.is_no_user_prediction
    assert domain.action_names_or_texts[emergency.probabilities.index(1.0)] == "utter_emergency"
    # What RulePolicy predicts for an active form: the form, full confidence, as a no-user prediction.
    loop = [0.0] * domain.num_actions
    loop[domain.index_for_action("report_form")] = 1.0
    rule = PolicyPrediction(loop, "RulePolicy", policy_priority=6, is_no_user_prediction=True)
    best = DefaultPolicyPredictionEnsemble._pick_best_policy([rule, emergency])
    assert best.policy_name == "EmergencyPolicy"


def test_emergency_policy_abstains_otherwise(storage, context):
    domain = Domain.from_yaml(
        'version: "3.1"\nintents: [emergency, inform]\nactions: [utter_emergency]\n'
        'responses:\n  utter_emergency: [{text: "call 999"}]\n'
    )
    policy = EmergencyPolicy.create(
        EmergencyPolicy.get_default_config(), storage, Resource("emergency"), context
    )
    tracker = DialogueStateTracker.from_events(
        "someone",
        [ActionExecuted("action_listen"), UserUttered("hello", intent={"name": "inform", "confidence": 1.0})],
    )
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert max(prediction.probabilities) == 0.0 and not prediction.is_no_user_prediction
