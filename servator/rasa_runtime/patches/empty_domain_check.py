"""Replaces `rasa.shared.core.domain.Domain.is_empty` (checked against Rasa 3.6.21).

What: Rasa asks whether the model's domain is empty on every message (its check for features the
model has not seen), by building an empty domain from scratch and comparing the two as dicts.
The empty domain's dict is built once here and compared the same way.

Why: building that empty domain was 1.7 % of a turn's CPU under cProfile, on every message
(docs/performance.md, section 12).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.shared.core.domain.Domain.is_empty"


@functools.cache
def _empty_domain_dict() -> dict[str, Any]:
    from rasa.shared.core.domain import Domain

    empty: dict[str, Any] = Domain.empty().as_dict()
    return empty


def domain_is_empty(self: Any) -> bool:
    """What Domain.is_empty does, against the empty domain's dict built once."""
    return bool(self.as_dict() == _empty_domain_dict())


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.shared.core.domain import Domain

    originals[SYMBOL] = Domain.is_empty
    Domain.is_empty = domain_is_empty
