"""Action-server responses are validated as Rasa's own validation does."""

from __future__ import annotations

import pytest

from servator.rasa_runtime.patches.action_response_validation import validate_action_result


def test_action_results_are_validated_as_in_rasa():
    from jsonschema import ValidationError

    assert validate_action_result(
        None, {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": []}
    )
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(None, {"events": "not a list"})
