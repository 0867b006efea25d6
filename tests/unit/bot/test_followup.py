"""The bot keeps a chat for follow-up only from the reply that gives a new report's reference and code."""

from __future__ import annotations

from bot.followup import STOP, reference_given_with_code


def test_only_a_reply_with_a_reference_and_a_code_names_a_report_to_follow_up():
    given = [{"text": "Your reference is SRV-20261206-YA6WTR.\nYour follow-up code is 7K3M-Q9XD-2WJP-H4TB."}]
    assert reference_given_with_code(given) == "SRV-20261206-YA6WTR"
    assert reference_given_with_code([{"text": "Your reference is SRV-20261206-YA6WTR."}]) is None
    assert reference_given_with_code([{"text": "Hello"}]) is None


def test_stop_is_the_whole_message():
    assert STOP.fullmatch("stop") and STOP.fullmatch(" Stop. ") and STOP.fullmatch("/stop")
    assert not STOP.fullmatch("stop them, they were filming")
