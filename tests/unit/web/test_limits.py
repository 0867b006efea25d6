"""The web chat's rate limits: messages per minute and reports per hour, per session and per address;
a refusal still gives 999 and the hotline, and nothing more reaches Rasa.

aiohttp's test client against the real app, with a stand-in Rasa that records what reached it.
"""

from __future__ import annotations

from typing import Any

import pytest

from servator.config.contacts import template_values
from tests.support.webchat import OTHER_SESSION, client_with, post
from web.limits import HOUR, SlidingWindow, gives_a_new_report

CONTACTS = template_values()

REPORT_REPLY = {
    "text": "Thank you. Your report has been saved and passed to officers. Your reference is SRV-20261125-ABCDEF.\n"
    "Your follow-up code is 7K3M-Q9XD-2WJP-H4TB."
}
# A check on a report names its reference but is not a new report.

CHECK_REPLY = {"text": "I found your report SRV-20261125-ABCDEF. Officers have no questions waiting for you."}


def names_999_and_the_hotline(body: dict[str, Any]) -> bool:
    text = body["replies"][0]["text"]
    return (
        text.startswith(f"If anyone is in danger, call {CONTACTS['emergency_phone']}")
        and CONTACTS["hotline_phone"] in text
        and CONTACTS["hotline_web"] in text
    )


async def test_messages_per_minute_per_session_then_a_polite_refusal(rasa):
    chat = await client_with(rasa, WEBCHAT_SESSION_MESSAGES_PER_MINUTE="3")
    try:
        answers = [await post(chat, f"message {n}") for n in range(4)]
        other_session = await post(chat, "someone else", session=OTHER_SESSION)
    finally:
        await chat.close()
    assert [status for status, _ in answers] == [200, 200, 200, 429]
    assert names_999_and_the_hotline(answers[-1][1])
    assert len(rasa.received) == 4, "the refused message never reached Rasa; another session still can"
    assert other_session[0] == 200


async def test_messages_per_minute_per_address_across_sessions(rasa):
    chat = await client_with(rasa, WEBCHAT_IP_MESSAGES_PER_MINUTE="2")
    try:
        sessions = [f"{n:032x}" for n in range(3)]
        statuses = [(await post(chat, "hi", session=session))[0] for session in sessions]
    finally:
        await chat.close()
    assert statuses == [200, 200, 429] and len(rasa.received) == 2


async def test_reports_per_hour_per_session_then_nothing_more_is_relayed(rasa):
    rasa.replies = [REPORT_REPLY]
    chat = await client_with(rasa, WEBCHAT_SESSION_REPORTS_PER_HOUR="2")
    try:
        first, second, third = [await post(chat, "/affirm") for _ in range(3)]
    finally:
        await chat.close()
    assert first[0] == second[0] == 200 and third[0] == 429
    assert names_999_and_the_hotline(third[1]) and "last hour" in third[1]["replies"][0]["text"]
    assert len(rasa.received) == 2


async def test_reports_per_hour_per_address_across_sessions(rasa):
    rasa.replies = [REPORT_REPLY]
    chat = await client_with(rasa, WEBCHAT_IP_REPORTS_PER_HOUR="1")
    try:
        statuses = [(await post(chat, "/affirm", session=f"{n:032x}"))[0] for n in range(3)]
    finally:
        await chat.close()
    assert statuses == [200, 429, 429] and len(rasa.received) == 1


async def test_checking_on_a_report_is_not_counted_as_making_one(rasa):
    rasa.replies = [CHECK_REPLY]
    chat = await client_with(rasa, WEBCHAT_SESSION_REPORTS_PER_HOUR="1")
    try:
        statuses = [(await post(chat, "I'd like to check on my report"))[0] for _ in range(3)]
    finally:
        await chat.close()
    assert statuses == [200, 200, 200] and len(rasa.received) == 3


def test_a_window_lets_messages_through_again_once_it_has_moved_on():
    window = SlidingWindow(2, HOUR)
    window.add("k", 0.0)
    window.add("k", 10.0)
    assert window.retry_after("k", 100.0) == pytest.approx(3500.0)
    assert window.full("k", 3599.0) and not window.full("k", 3600.0)


def test_only_a_reference_given_with_its_follow_up_code_is_a_new_report():
    assert gives_a_new_report(["x", REPORT_REPLY["text"]])
    assert not gives_a_new_report([CHECK_REPLY["text"]])
    assert not gives_a_new_report([])
