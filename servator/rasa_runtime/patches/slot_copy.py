"""Gives `rasa.shared.core.slots.Slot` a `__copy__` (checked against Rasa 3.6.21, which has none).

What: every `DialogueStateTracker` Rasa builds copies each of the domain's slots with
`copy.copy`, which goes through `__reduce_ex__(4)` and `copy._reconstruct` for each one. A slot
class keeps its state in its `__dict__` alone (no `__slots__` of its own, no `__getstate__`,
`__setstate__` or `__reduce__`), and for such a class that path comes to a new instance of the
same class with the same `__dict__` entries: `__copy__` does that directly. A slot class that is
not plain in that sense (a custom one) is copied the way `copy.copy` does it.

Why: a turn builds trackers again and again (a copy before each action, a replay for every
policy prediction's states, the form's temporary tracker): 24,000 slot copies in 200 turns of
the load generator's chats, 7 % of a turn's CPU under cProfile (docs/performance.md, section 12).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.shared.core.slots.Slot.__copy__"

_STATE_HOOKS = ("__getstate__", "__setstate__", "__reduce__", "__reduce_ex__", "__copy__")


@functools.cache
def _plain(cls: Any) -> bool:
    """The class's instances copy as a new instance with the same `__dict__` entries."""
    for klass in cls.__mro__:
        if klass is object:
            continue
        owned = vars(klass)
        if owned.get("__copy__") is copy_slot:
            continue
        if any(hook in owned for hook in _STATE_HOOKS) or owned.get("__slots__", ()) != ():
            return False
    return True


def copy_slot(self: Any) -> Any:
    """What `copy.copy` does with a slot."""
    cls: Any = type(self)
    if not _plain(cls):
        return copy._reconstruct(self, None, *self.__reduce_ex__(4))  # type: ignore[attr-defined]  # copy._reconstruct is private, not in typeshed
    new = cls.__new__(cls)
    new.__dict__.update(self.__dict__)
    return new


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.shared.core.slots import Slot

    originals[SYMBOL] = copy.copy  # what copied a slot before
    Slot.__copy__ = copy_slot
