"""Conversation tests (tests/data/test_stories.yml) with --fail-on-prediction-errors, on the real model."""

from __future__ import annotations

import subprocess

import pytest

from servator.rasa_runtime.training import rasa_bin, rasa_env
from tests.support.ports import TEST_ACTIONS_PORT
from tests.support.stack import ROOT

pytestmark = pytest.mark.rasa


def test_conversation_stories_have_no_prediction_errors(stack, trained_model, tmp_path):
    from servator.rasa_runtime.endpoints import write_endpoints

    trackers = f"sqlite:///{tmp_path / 'trackers.db'}"
    endpoints = write_endpoints(trackers, TEST_ACTIONS_PORT, tmp_path / "endpoints.yml")
    result = subprocess.run(
        [
            rasa_bin(),
            "test",
            "core",
            "--model",
            str(trained_model),
            "--stories",
            str(ROOT / "tests/data/test_stories.yml"),
            "--endpoints",
            str(endpoints),
            "--out",
            str(tmp_path / "results"),
            "--fail-on-prediction-errors",
        ],
        capture_output=True,
        text=True,
        env={**rasa_env(), "DATABASE_URL": stack.database_url},
        cwd=ROOT,
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}\n{details}"
