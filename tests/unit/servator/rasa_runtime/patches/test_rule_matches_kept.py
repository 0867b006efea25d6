"""RulePolicy's matching rules, with each rule test kept, are Rasa's: the same set in the same order."""

from __future__ import annotations

import json
import random
from typing import Any

from servator.rasa_runtime.patches import rule_matches_kept
from servator.rasa_runtime.patches.rule_matches_kept import SYMBOL, possible_keys

INTENTS = ("greet", "inform", "ask_number", "cancel", "thank")
ACTIONS = ("action_listen", "utter_greet", "report_form", "utter_number", "action_reset")


def _policy(cls: Any = None) -> Any:
    from rasa.core.policies.rule_policy import RulePolicy

    return object.__new__(cls or RulePolicy)  # the rule tests read nothing of the instance


def _original(policy: Any, lookup: dict[str, str], states: list[Any]) -> set[str]:
    from rasa.core.policies.rule_policy import RulePolicy

    return rule_matches_kept._originals.get(SYMBOL, RulePolicy._get_possible_keys)(policy, lookup, states)


def _state(rng: random.Random, conversation: bool) -> dict[str, dict[str, Any]]:
    """A rule's or a conversation's state: the previous action, maybe a user intent, a loop, slots."""
    if rng.random() < 0.08:
        return {}  # the conversation's start
    state: dict[str, dict[str, Any]] = {"prev_action": {"action_name": rng.choice(ACTIONS)}}
    if rng.random() < 0.7:
        state["user"] = {"intent": rng.choice(INTENTS)}
        if rng.random() < 0.3:
            state["user"]["entities"] = ("place",)
    if rng.random() < 0.4:
        state["active_loop"] = {"name": rng.choice(("report_form", "should_not_be_set"))}
    if rng.random() < 0.4:
        filled = rng.choice(((1.0,), (0.0,), "should_not_be_set"))
        state["slots"] = {"place": filled if conversation or isinstance(filled, str) else list(filled)}
    return state


def _lookup(rng: random.Random, size: int) -> dict[str, str]:
    lookup = {}
    while len(lookup) < size:
        rule = [_state(rng, conversation=False) for _ in range(rng.randint(1, 4))]
        lookup[json.dumps(rule)] = rng.choice(ACTIONS)
    return lookup


def test_the_matching_rules_and_their_order_are_rasas_on_random_rules_and_conversations():
    rng = random.Random(23)
    policy = _policy()
    for _ in range(8):
        lookup = _lookup(rng, rng.randint(20, 80))
        # conversations reuse states, so kept tests are found again
        pool = [_state(rng, conversation=True) for _ in range(12)]
        for _ in range(60):
            states = [rng.choice(pool) for _ in range(rng.randint(1, 9))]
            expected = _original(policy, lookup, states)
            found = possible_keys(policy, lookup, states)
            assert found == expected
            assert list(found) == list(expected), "the order decides between rules of one length"


def test_a_rule_removed_from_the_lookup_is_not_found_again():
    rng = random.Random(5)
    policy = _policy()
    lookup = _lookup(rng, 30)
    states = [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}]
    lookup[json.dumps(states)] = "utter_greet"
    assert json.dumps(states) in possible_keys(policy, lookup, states)
    del lookup[json.dumps(states)]  # what training does to a contradicted rule
    assert possible_keys(policy, lookup, states) == _original(policy, lookup, states)
    assert json.dumps(states) not in possible_keys(policy, lookup, states)


def test_a_state_with_an_unhashable_value_is_tested_as_rasa_does():
    rng = random.Random(7)
    policy = _policy()
    lookup = _lookup(rng, 40)
    states = [{"prev_action": {"action_name": "action_listen"}, "slots": {"place": [1.0]}}]
    assert list(possible_keys(policy, lookup, states)) == list(_original(policy, lookup, states))


def test_a_policy_with_its_own_rule_test_is_left_to_it():
    from rasa.core.policies.rule_policy import RulePolicy

    class EveryRule(RulePolicy):
        def _is_rule_applicable(self, rule_key: str, turn_index: int, conversation_state: Any) -> bool:
            return True

    if RulePolicy._get_possible_keys is not possible_keys:  # the patches not applied in this session
        rule_matches_kept._originals.setdefault(SYMBOL, RulePolicy._get_possible_keys)
    lookup = _lookup(random.Random(9), 10)
    assert possible_keys(_policy(EveryRule), lookup, [{}]) == set(lookup)


def test_what_is_kept_is_bounded(monkeypatch: Any):
    rng = random.Random(11)
    policy = _policy()
    lookup = _lookup(rng, 10)
    monkeypatch.setattr(rule_matches_kept, "MAX_KEPT", 5)
    for _ in range(40):
        states = [_state(rng, conversation=True) for _ in range(3)]
        assert possible_keys(policy, lookup, states) == _original(policy, lookup, states)
    assert len(rule_matches_kept._rule_sets[frozenset(lookup)].failing) <= 5
