"""News about the person's own safety after a 999 answer (reading/form/status.py)."""

from __future__ import annotations

import pytest

from reading.form import status


@pytest.mark.parametrize(
    "text",
    [
        "a man in a red coat, they were outside",
        "they went towards the park",
        "i called the police yesterday and they did nothing",
        "they said he was tall",
        "ok",
        "yes",
        "cancel",
    ],
)
def test_answers_and_commands_after_a_999_answer_are_not_safety_news(text):
    assert not status.is_status_update(text)
