"""Replaces `rasa.validator.Validator._gather_utterance_actions`, only inside `counted_as_used()`
(checked against Rasa 3.6.21).

What: Rasa 3.6 counts a response as used only if a story or rule names it, so every form question
(`utter_ask_<slot>`) and every response a custom action sends by name is reported as unused
(RasaHQ/rasa#11843 discusses the same check). Inside the context manager the responses the caller
names are left out of the set of responses Rasa expects stories or rules to use; on leaving it the
original method is put back.

Why: `servator validate` (and `make test`) fail on warnings; without this, every form question and
every response sent from code would be a warning. No speed figure: it changes no served behaviour,
only what `rasa data validate` reports.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

SYMBOL = "rasa.validator.Validator._gather_utterance_actions"
log = logging.getLogger(__name__)


@contextlib.contextmanager
def counted_as_used(exempt: Callable[[Any], set[str]]) -> Iterator[None]:
    """While open, responses in `exempt(validator)` are not reported as unused."""
    from rasa.validator import Validator

    from servator.rasa_runtime.patches.versions import rasa_supported

    if not rasa_supported():
        log.warning(
            "Rasa is not 3.6.x: validating without counting form questions and code responses as used"
        )
        yield
        return
    original = Validator._gather_utterance_actions

    def gather_used_by_stories_only(self: Any) -> set[str]:
        excluded = exempt(self)
        return {name for name in original(self) if name not in excluded}

    Validator._gather_utterance_actions = gather_used_by_stories_only
    try:
        yield
    finally:
        Validator._gather_utterance_actions = original
