"""Speed-ups applied inside the Rasa server process (`python -m servator.rasa_server`).

Each one keeps Rasa's behaviour and removes work the profile showed repeated on every turn
(docs/performance.md):

- Rasa validates every action-server response with `jsonschema.validate`, which re-checks the
  schema itself against the JSON-Schema meta-schema on every call: 43 % of the Rasa server's CPU
  in a form turn. The same validation with a validator built once.
"""
from __future__ import annotations

import functools
from typing import Any, Dict

_APPLIED = False


@functools.lru_cache(maxsize=None)
def _action_response_validator() -> Any:
    """Rasa's action-response schema, checked once, as a ready validator."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """What RemoteAction._validate_action_result does, with the validator built once."""
    from jsonschema import exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def apply() -> None:
    """Installs the speed-ups (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result
    _APPLIED = True
