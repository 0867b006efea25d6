"""The bot keeps a chat for follow-up only from the reply that gives a new report's reference and code."""

from __future__ import annotations

import pytest

from bot.followup import is_stop, reference_given_with_code


def test_only_a_reply_with_a_reference_and_a_code_names_a_report_to_follow_up():
    given = [{"text": "Your reference is SRV-20261206-YA6WTR.\nYour follow-up code is 7K3M-Q9XD-2WJP-H4TB."}]
    assert reference_given_with_code(given) == "SRV-20261206-YA6WTR"
    assert reference_given_with_code([{"text": "Your reference is SRV-20261206-YA6WTR."}]) is None
    assert reference_given_with_code([{"text": "Hello"}]) is None


@pytest.mark.parametrize(
    "text", ["stop", " Stop. ", "/stop", "parar", "Arrête", "basta", "dość", "yeter", "توقف", "থামো", "停止"]
)
def test_stop_is_the_whole_message_in_any_language(text: str) -> None:
    assert is_stop(text)


@pytest.mark.parametrize(
    "text", ["stop them, they were filming", "para mí era alto", "no", "sí", "他停在门口"]
)
def test_an_answer_that_only_contains_a_stop_word_is_an_answer(text: str) -> None:
    assert not is_stop(text)
