"""Replaces the `copy` module as seen by `rasa.core.processor` and `rasa.core.actions.forms`
(checked against Rasa 3.6.21).

What: those two modules use `copy` only to deep-copy values they pass to `structlogger.debug(...)`
(the events of every action, the parse data, the form's slots and latest message), and Python
evaluates that copy before the call, also when debug logging is off and structlog's `debug` is a
no-op that drops its arguments. Here they see the `copy` module with one difference: `deepcopy`
hands back its argument when the module's bound structlog logger's `debug` is that no-op. With
debug logging on, the copy is made as before.

Why: those copies were 3-6 % of a report turn's CPU under cProfile, for log lines nobody wrote
(docs/performance.md, section 12).
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from typing import Any

SYMBOLS = ("rasa.core.processor.copy", "rasa.core.actions.forms.copy")


def debug_dropped(logger: Any) -> bool:
    """`logger.debug(...)` is structlog's no-op (the level filter's, set up by Rasa's configure_structlog)."""
    from structlog._native import _nop

    return getattr(getattr(logger.bind(), "debug", None), "__func__", None) is _nop


class CopyForDebugLogs:
    """The `copy` module, with a deepcopy that makes no copy for a debug line that is dropped."""

    def __init__(self, logger: Any) -> None:
        self._logger = logger

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    def deepcopy(self, value: Any, memo: dict[int, Any] | None = None) -> Any:
        if debug_dropped(self._logger):
            return value
        return copy.deepcopy(value, memo)


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    for symbol in SYMBOLS:
        module = importlib.import_module(symbol.rsplit(".", 1)[0])
        originals[symbol] = module.copy
        module.copy = CopyForDebugLogs(module.structlogger)  # type: ignore[attr-defined]  # rasa's module has no `copy` in its stubs
