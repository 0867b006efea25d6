"""Replaces `rasa.core.policies.rule_policy.RulePolicy._get_possible_keys` (checked against Rasa 3.6.21).

What: RulePolicy keeps the rules that match a conversation by walking its states from the latest
back to the first, and at each step tests every rule still kept. A rule whose length the walk has
passed is kept without a test (`_is_rule_applicable` returns True once the turn index reaches the
rule's length), so once the walk has passed the longest rule still kept, no later step can drop
one. This stops the walk there (or when no rule is left); the set it returns is Rasa's.

Why: the walk went on to the conversation's first state for every prediction, twice after a user
message, testing every rule at every state: 42,700 rule tests in 200 turns of the load generator's
chats, most of them past every rule's length (docs/performance.md, section 12).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.core.policies.rule_policy.RulePolicy._get_possible_keys"


def get_possible_keys(self: Any, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
    """What RulePolicy._get_possible_keys returns, without the steps that cannot change it."""
    possible_keys = set(lookup.keys())
    for i, state in enumerate(reversed(states)):
        if not possible_keys or i >= max(len(self._rule_key_to_state(key)) for key in possible_keys):
            break
        possible_keys = {key for key in possible_keys if self._is_rule_applicable(key, i, state)}
    return possible_keys


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    originals[SYMBOL] = RulePolicy._get_possible_keys
    RulePolicy._get_possible_keys = get_possible_keys
