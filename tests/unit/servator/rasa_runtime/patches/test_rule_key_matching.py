"""RulePolicy keeps the same rules when the walk over the states stops past the longest one."""

from __future__ import annotations

import json
import random

from servator.rasa_runtime import patches as rasa_patches
from servator.rasa_runtime.patches.rule_key_matching import SYMBOL, get_possible_keys

ACTIONS = ["action_listen", "utter_greet", "report_form", None]
INTENTS = ["greet", "inform", "affirm", None]
LOOPS = ["report_form", "should_not_be_set", None]


def _state(rng: random.Random) -> dict[str, dict[str, object]]:
    state: dict[str, dict[str, object]] = {}
    for part, key, values in (
        ("prev_action", "action_name", ACTIONS),
        ("user", "intent", INTENTS),
        ("active_loop", "name", LOOPS),
    ):
        value = rng.choice(values)
        if value is not None:
            state[part] = {key: value}
    if rng.random() < 0.3:
        state["slots"] = {"s": rng.choice([[1.0], [0.0], "should_not_be_set"])}
    return state


def test_the_rules_kept_are_rasas_for_random_rules_and_conversations():
    from rasa.core.policies.rule_policy import RulePolicy

    original = rasa_patches.ORIGINALS.get(SYMBOL, RulePolicy._get_possible_keys)
    policy = RulePolicy.__new__(RulePolicy)  # the methods used read no instance state
    rng = random.Random(7)
    partly_kept = 0
    for _ in range(300):
        rules = {json.dumps([_state(rng) for _ in range(rng.randint(1, 5))]): "a" for _ in range(40)}
        states = [_state(rng) for _ in range(rng.randint(0, 30))]
        expected = original(policy, rules, states)
        assert get_possible_keys(policy, rules, states) == expected
        partly_kept += 0 < len(expected) < len(rules)
    assert partly_kept > 100, "the random rules match some conversations and not others"
