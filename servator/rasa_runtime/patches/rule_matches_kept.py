"""Replaces `rasa.core.policies.rule_policy.RulePolicy._get_possible_keys` (checked against Rasa
3.6.21).

What: RulePolicy finds the rules that match a conversation by walking its states from the latest
back, and at each step keeping the rules whose state at that distance matches
(`_is_rule_applicable(rule, i, state)`: a pure function of the rule's text, `i` and the state's
contents; a rule shorter than `i` always matches). Rasa tests every remaining rule at every
step, for every prediction (after a user message twice, for the text and for the intent), so the
same few hundred (step, state) pairs were tested against every rule again and again. Here the
rules that do not match at step `i` for a state with given contents are found once and kept, by
the state's contents (its sub-states' items, as tuples); the walk then drops them from the
remaining rules. The sets are rebuilt exactly as Rasa rebuilds them at every step (a new set
filled from the previous one in its order), so even the order of the rules in the result, which
decides between two matching rules of the same length, is Rasa's. A state with an unhashable
value, a policy class whose `_is_rule_applicable` is not RulePolicy's, or rules taken from the
lookup while it changes (training removes rules as it checks them) are answered as Rasa does:
what is kept belongs to one set of rule texts, found again only for the same set.

Why: matching the rules was 13 % of a served turn's CPU under cProfile on the load generator's
chats (42,730 rule tests in 200 turns); docs/performance.md, section 13.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import filterfalse
from typing import Any

SYMBOL = "rasa.core.policies.rule_policy.RulePolicy._get_possible_keys"

# Kept for at most this many (step, state) pairs per set of rules; then started afresh.
MAX_KEPT = 20_000
# At most this many sets of rules (a server has one RulePolicy with two lookups).
MAX_RULE_SETS = 8

_originals: dict[str, Callable[..., Any]] = {}
_EMPTY: frozenset[str] = frozenset()


class _RuleSet:
    """One set of rule texts: their lengths, and the rules found not to match, by (step, state)."""

    def __init__(self, policy: Any, keys: frozenset[str]) -> None:
        self.keys = keys
        self.lengths = {key: len(policy._rule_key_to_state(key)) for key in keys}
        self.longest = max(self.lengths.values(), default=0)
        self.failing: dict[tuple[int, Hashable], frozenset[str]] = {}

    def failing_at(self, policy: Any, step: int, state: dict[str, dict[str, Any]]) -> frozenset[str]:
        try:
            contents: Hashable = tuple((part, tuple(sub.items())) for part, sub in state.items())
            found = self.failing.get((step, contents))
        except TypeError:  # a value that is not hashable: tested as Rasa does
            return self._test(policy, step, state)
        if found is None:
            if len(self.failing) >= MAX_KEPT:
                self.failing.clear()
            found = self.failing[(step, contents)] = self._test(policy, step, state)
        return found

    def _test(self, policy: Any, step: int, state: dict[str, dict[str, Any]]) -> frozenset[str]:
        return frozenset(
            key
            for key, length in self.lengths.items()
            if step < length and not policy._is_rule_applicable(key, step, state)
        )


_rule_sets: dict[frozenset[str], _RuleSet] = {}


def _rule_set(policy: Any, keys: frozenset[str]) -> _RuleSet:
    found = _rule_sets.get(keys)
    if found is None:
        if len(_rule_sets) >= MAX_RULE_SETS:
            _rule_sets.clear()
        found = _rule_sets[keys] = _RuleSet(policy, keys)
    return found


def _plain(policy: Any) -> bool:
    """The policy tests a rule with RulePolicy's own (pure) methods."""
    from rasa.core.policies.rule_policy import RulePolicy

    cls = type(policy)
    return (
        cls._is_rule_applicable is RulePolicy._is_rule_applicable
        and cls._does_rule_match_state is RulePolicy._does_rule_match_state
        and cls._rule_key_to_state is RulePolicy._rule_key_to_state
    )


def possible_keys(self: Any, lookup: dict[str, str], states: list[dict[str, dict[str, Any]]]) -> set[str]:
    """RulePolicy._get_possible_keys: the same set, in the same order, with each rule test kept."""
    if not _plain(self):
        return _originals[SYMBOL](self, lookup, states)  # type: ignore[no-any-return]  # Rasa's method is untyped
    rules = _rule_set(self, frozenset(lookup))
    possible = set(lookup.keys())
    for step, state in enumerate(reversed(states)):
        if not possible:
            break  # Rasa goes on filtering an empty set
        failing = rules.failing_at(self, step, state) if step < rules.longest else _EMPTY
        possible = set(filterfalse(failing.__contains__, possible))
    return possible


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    originals[SYMBOL] = _originals[SYMBOL] = RulePolicy._get_possible_keys
    RulePolicy._get_possible_keys = possible_keys
