"""The validator patch: the exempt responses count as used while validating, and only then."""

from __future__ import annotations

import pytest

from servator.rasa_runtime.patches import validator_used_responses


def test_the_validator_patch_is_put_back_even_after_an_error():
    from rasa.validator import Validator

    original = Validator._gather_utterance_actions
    with pytest.raises(RuntimeError):
        with validator_used_responses.counted_as_used(lambda validator: {"utter_x"}):
            assert Validator._gather_utterance_actions is not original
            raise RuntimeError("validation blew up")
    assert Validator._gather_utterance_actions is original


def test_the_validator_patch_leaves_out_exactly_the_exempt_responses():
    from rasa.validator import Validator

    original = Validator._gather_utterance_actions
    try:
        Validator._gather_utterance_actions = lambda self: {"utter_greet", "utter_ask_report_when"}
        with validator_used_responses.counted_as_used(lambda validator: {"utter_ask_report_when"}):
            assert Validator._gather_utterance_actions(object()) == {"utter_greet"}
    finally:
        Validator._gather_utterance_actions = original
