"""Wraps `rasa.core.policies.rule_policy.RulePolicy._predict` and replaces
`rasa.core.featurizers.tracker_featurizers.TrackerFeaturizer._create_states` (checked against
Rasa 3.6.21).

What: right after a user message RulePolicy looks for a rule twice, once with the message's text
and once with its intent, and each time the featurizer replays the whole session into a new
tracker at every action to compute its states; the two differ only in what the featurizer then
deletes from them (the last user state's intent or text). During one `_predict` the tracker does
not change (nothing between the two lookups writes to it), so here the states computed for it are
kept until that `_predict` returns, and each call gets its own copy of them (the featurizer
deletes keys from the states' dicts, so each state and each of its dicts is copied; the values are
strings, numbers and tuples). Outside `_predict` (training, the other policies) nothing is kept.

Why: computing the states was 14 % of a turn's CPU under cProfile on the load generator's chats;
keeping them for the second lookup computes them 330 times instead of 450 in 200 turns
(docs/performance.md, section 12).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

SYMBOLS = (
    "rasa.core.policies.rule_policy.RulePolicy._predict",
    "rasa.core.featurizers.tracker_featurizers.TrackerFeaturizer._create_states",
)

# The states computed during the current RulePolicy._predict, by the arguments they came from.
_KEPT: contextvars.ContextVar[dict[tuple[int, ...], tuple[Any, ...]] | None] = contextvars.ContextVar(
    "rule_states", default=None
)
_originals: dict[str, Callable[..., Any]] = {}


def predict_keeping_states(self: Any, tracker: Any, domain: Any) -> Any:
    """RulePolicy._predict, with the states of `tracker` computed once while it runs."""
    token = _KEPT.set({})
    try:
        return _originals[SYMBOLS[0]](self, tracker, domain)
    finally:
        _KEPT.reset(token)


def create_states(
    tracker: Any,
    domain: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict[str, dict[str, Any]]]:
    """TrackerFeaturizer._create_states; inside RulePolicy._predict, a copy of the states kept."""
    compute = _originals[SYMBOLS[1]]
    kept = _KEPT.get()
    if kept is None:
        return compute(tracker, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)  # type: ignore[no-any-return]  # Rasa's method is untyped
    key = (id(tracker), id(domain), omit_unset_slots, ignore_rule_only_turns)
    found = kept.get(key)
    # RulePolicy builds its rule-only data anew for each lookup: the same data is an equal dict.
    if found is None or found[0] is not tracker or found[1] is not domain or found[2] != rule_only_data:
        states = compute(tracker, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        found = kept[key] = (tracker, domain, rule_only_data, states)  # the references keep the ids
    return [{part: dict(sub_state) for part, sub_state in state.items()} for state in found[3]]


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer
    from rasa.core.policies.rule_policy import RulePolicy

    originals[SYMBOLS[0]] = _originals[SYMBOLS[0]] = RulePolicy._predict
    originals[SYMBOLS[1]] = _originals[SYMBOLS[1]] = TrackerFeaturizer._create_states
    RulePolicy._predict = predict_keeping_states
    TrackerFeaturizer._create_states = staticmethod(create_states)
