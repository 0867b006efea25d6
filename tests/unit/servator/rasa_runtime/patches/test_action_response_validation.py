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


RESPONSES = [
    {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": [{"text": "hi"}]},
    {"events": [{"event": "slot", "name": "a", "value": None, "timestamp": None}]},
    {"events": [{"event": "slot", "name": "a"}]},
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"event": "action", "name": "x", "policy": None, "confidence": 1.0}]},
    {"events": [{"event": "action", "hide_rule_turn": "yes"}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "reset_slots"}]},
    {"events": [{"event": "user", "text": "hi", "parse_data": {"intent": {"name": "a", "confidence": 1}}}]},
    {"events": [{"event": "user", "parse_data": {"entities": [{"entity": "e"}]}}]},
    {"events": [{"event": "bot", "text": "x", "metadata": {}}, {"event": "followup", "name": "a"}]},
    {"events": [{"event": "slot", "name": "a", "value": 1, "metadata": "m"}]},
    {"events": [{"event": "no_such_kind"}]},
    {"events": [{"event": ["slot"]}]},
    {"events": [{"name": "a", "value": 1}]},
    {"events": ["slot"]},
    {"events": [], "responses": ["text"]},
    {"events": {"event": "slot"}},
    {"responses": []},
    {},
    [],
    "text",
]


@pytest.mark.parametrize("response", RESPONSES)
def test_a_response_checked_kind_by_kind_gives_rasas_answer(response):
    """Valid exactly when Rasa's own validation says so, with Rasa's error otherwise."""
    from jsonschema import ValidationError, validate
    from rasa.core.actions.action import RemoteAction

    from servator.rasa_runtime.patches.action_response_validation import _valid_kind_by_kind

    try:
        validate(response, RemoteAction.action_response_format_spec())  # what Rasa's own does
        expected = None
    except ValidationError as error:
        expected = error.message
    assert _valid_kind_by_kind(response) is (expected is None)
    try:
        validate_action_result(None, response)
        got = None
    except ValidationError as error:
        got = error.message
    if expected is None:
        assert got is None
    else:
        assert got is not None and got.startswith(f"{expected}. Failed to validate Action server response")
