"""Closing each REST connection after its answer, only on the Sanic (and Rasa) the patches were checked against."""

from __future__ import annotations

import pytest

from servator.rasa_runtime.patches import connection_close, validator_used_responses, versions


def test_on_another_version_the_validator_and_connection_patches_do_nothing(monkeypatch: pytest.MonkeyPatch):
    from rasa.validator import Validator

    monkeypatch.setattr(versions, "rasa_supported", lambda version=None: False)
    monkeypatch.setattr(versions, "sanic_supported", lambda version=None: False)
    original = Validator._gather_utterance_actions
    with validator_used_responses.counted_as_used(lambda validator: set()):
        assert Validator._gather_utterance_actions is original
    request = type("Request", (), {"stream": type("Http", (), {"keep_alive": True})()})()
    connection_close.close_after_response(request)
    assert request.stream.keep_alive is True
    monkeypatch.undo()
    connection_close.close_after_response(request)
    assert request.stream.keep_alive is False
