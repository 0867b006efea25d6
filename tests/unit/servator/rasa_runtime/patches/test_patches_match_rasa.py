"""The patched look-ups answer as Rasa's own: event classes by name, action-server response validation."""

from __future__ import annotations

import pytest

from servator.rasa_runtime.patches.action_response_validation import validate_action_result
from servator.rasa_runtime.patches.event_type_lookup import resolve_event_type


def test_event_types_resolve_as_in_rasa():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(Event):
        assert resolve_event_type(cls.type_name) is Event.resolve_by_type(cls.type_name)
    assert resolve_event_type("topic") is None
    with pytest.raises(ValueError):
        resolve_event_type("no such event")


def test_action_results_are_validated_as_in_rasa():
    from jsonschema import ValidationError

    assert validate_action_result(
        None, {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": []}
    )
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(None, {"events": "not a list"})
