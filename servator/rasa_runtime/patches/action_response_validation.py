"""Replaces `rasa.core.actions.action.RemoteAction._validate_action_result` (checked against Rasa 3.6.21).

What: Rasa validates every action-server response with `jsonschema.validate`, which re-checks the
schema itself against the JSON-Schema meta-schema on every call. This does the same validation,
with the same error message, through a validator built once.

Why: that re-check was 43 % of the Rasa server's CPU in a form turn; with the validator built
once a message took 13.0 ms instead of 34.1 ms for one client, and 16 concurrent users got
114 msg/s instead of 33.1 (docs/performance.md, section 2).

The schema's event is a `oneOf` of 23 kinds, each told apart by the `const` of its `event` field,
so jsonschema tried every kind on every event and built an error for each miss (10 % of a report
turn's CPU, docs/performance.md section 12). An event whose `event` names a kind can match no
other kind, so a response is first checked event by event against its own kind only; when that
proves it valid it is valid, and anything else goes through the whole schema as before (same
errors, same messages).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

SYMBOL = "rasa.core.actions.action.RemoteAction._validate_action_result"


@functools.cache
def _action_response_validator() -> Any:
    """Rasa's action-response schema, checked once, as a ready validator."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@functools.cache
def _validators_by_kind() -> tuple[Any, dict[str, Any]] | None:
    """A validator of the response without its events' `oneOf`, and one per event kind (the event
    schema with only that kind's branch); None when the schema is not a `oneOf` over distinct
    `event` constants (then every response takes the whole schema)."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    events = schema["properties"]["events"]
    event = events.get("items", {})
    kinds = event.get("oneOf", [])
    names = [kind.get("properties", {}).get("event", {}).get("const") for kind in kinds]
    if (
        set(schema) != {"type", "properties"}
        or set(events) != {"type", "items"}
        or "event" not in event.get("required", ())
        or not kinds
        or not all(isinstance(name, str) for name in names)
        or len(set(names)) != len(names)
    ):
        return None
    cls = validator_for(schema)
    base = {key: value for key, value in event.items() if key != "oneOf"}
    outer = {**schema, "properties": {**schema["properties"], "events": {"type": events["type"]}}}
    by_kind = {name: cls({**base, "allOf": [kind]}) for name, kind in zip(names, kinds)}
    return cls(outer), by_kind


def _valid_kind_by_kind(result: Any) -> bool:
    """True only when `result` is valid under the whole schema (see the module docstring)."""
    validators = _validators_by_kind()
    if validators is None:
        return False
    outer, by_kind = validators
    if not outer.is_valid(result):
        return False
    for event in result.get("events", ()):
        name = event.get("event") if isinstance(event, dict) else None
        kind = by_kind.get(name) if isinstance(name, str) else None
        if kind is None or not kind.is_valid(event):
            return False
    return True


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """What RemoteAction._validate_action_result does, with the validator built once."""
    from jsonschema import exceptions

    if _valid_kind_by_kind(result):
        return True
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def apply(originals: dict[str, Callable[..., Any]]) -> None:
    from rasa.core.actions.action import RemoteAction

    originals[SYMBOL] = RemoteAction._validate_action_result
    RemoteAction._validate_action_result = validate_action_result
