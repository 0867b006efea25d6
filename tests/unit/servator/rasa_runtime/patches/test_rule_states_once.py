"""RulePolicy's states are computed once a prediction, and every caller gets them as Rasa made them."""

from __future__ import annotations

from servator.rasa_runtime.patches import rule_states_once
from servator.rasa_runtime.patches.rule_states_once import SYMBOLS, create_states


def _tracker_and_domain():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_dict(
        {
            "intents": ["greet", "inform"],
            "entities": ["place"],
            "slots": {"place": {"type": "text", "mappings": [{"type": "from_entity", "entity": "place"}]}},
            "responses": {"utter_greet": [{"text": "hi"}]},
        }
    )
    events = [
        ActionExecuted("action_listen"),
        UserUttered("hello", {"name": "greet", "confidence": 1.0}),
        ActionExecuted("utter_greet"),
        ActionExecuted("action_listen"),
        UserUttered(
            "at the gate", {"name": "inform", "confidence": 1.0}, [{"entity": "place", "value": "gate"}]
        ),
        SlotSet("place", "gate"),
    ]
    return DialogueStateTracker.from_events("s", events, domain.slots), domain


def _original():
    from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer

    return rule_states_once._originals.get(SYMBOLS[1], TrackerFeaturizer._create_states)


def test_inside_a_prediction_each_call_gets_a_fresh_copy_of_rasas_states():
    tracker, domain = _tracker_and_domain()
    expected = _original()(tracker, domain)
    rule_states_once._originals.setdefault(SYMBOLS[1], _original())
    token = rule_states_once._KEPT.set({})
    try:
        first = create_states(tracker, domain)
        assert first == expected
        del first[-1]["user"]["intent"]  # what the featurizer does to the last user state
        first[0].clear()
        second = create_states(tracker, domain)
        assert second == expected
        assert create_states(tracker, domain, omit_unset_slots=True) == _original()(tracker, domain, True)
    finally:
        rule_states_once._KEPT.reset(token)


def test_outside_a_prediction_nothing_is_kept():
    tracker, domain = _tracker_and_domain()
    rule_states_once._originals.setdefault(SYMBOLS[1], _original())
    assert rule_states_once._KEPT.get() is None
    assert create_states(tracker, domain) == _original()(tracker, domain)
    assert rule_states_once._KEPT.get() is None


def test_rulepolicys_rule_only_data_built_anew_for_each_lookup_finds_the_kept_states(monkeypatch):
    tracker, domain = _tracker_and_domain()
    computed = []
    original = _original()

    def counting(*args):
        computed.append(args)
        return original(*args)

    monkeypatch.setitem(rule_states_once._originals, SYMBOLS[1], counting)
    token = rule_states_once._KEPT.set({})
    try:
        for _ in range(3):
            create_states(tracker, domain, rule_only_data={"rule_only_slots": [], "rule_only_loops": []})
        create_states(tracker, domain, rule_only_data={"rule_only_slots": ["s"], "rule_only_loops": []})
    finally:
        rule_states_once._KEPT.reset(token)
    assert len(computed) == 2
