"""Replaces `rasa.utils.log_utils._anonymizer`, the first processor of Rasa's structlog pipeline
(checked against Rasa 3.6.21).

What: Rasa's processor hands the text-bearing keys of every structured log event ("text",
"user_message", "tracker_latest_message"...) to an anonymization plugin, and with none installed
leaves them as they are. This one replaces their values with "[redacted]" in every event, at any
depth (servator.log_privacy.text_free: Rasa's list of keys, and ours), before any renderer sees
them, whether the line comes out as JSON or as plain `key=value` text.

Why: Rasa logs `rest.message.received.timeout` with `text=` at ERROR when a front end gives up on
a turn (measured: about 20 s later, under load); remembering recent texts to hide them later
(log_privacy.remember) missed it once the text had been forgotten. Here nothing needs remembering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from servator.log_privacy import text_free

SYMBOL = "rasa.utils.log_utils._anonymizer"


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    """Before Rasa's command line configures structlog (it reads the module's `_anonymizer` then)."""
    from rasa.utils import log_utils

    originals[SYMBOL] = log_utils._anonymizer
    log_utils._anonymizer = text_free
