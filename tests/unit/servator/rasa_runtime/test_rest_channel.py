"""The REST channel never answers with nothing: a silent or failed turn gets the safety message."""

from __future__ import annotations

import logging

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from servator.config.contacts import template_values
from servator.rasa_runtime.rest_channel import clean_text, never_silent

SECRET_TEXT = "my name is Alice Example, 07700 900123"


def message() -> UserMessage:
    return UserMessage(SECRET_TEXT, CollectingOutputChannel(), "user-1", input_channel="rest")


def texts(sent: UserMessage) -> list:
    return [reply["text"] for reply in sent.output_channel.messages]


def assert_safety_message(replies: list) -> None:
    contacts = template_values()
    assert len(replies) == 1, replies
    assert contacts["emergency_phone"] in replies[0] and contacts["hotline_phone"] in replies[0]
    assert contacts["hotline_web"] in replies[0]


async def test_a_turn_without_replies_gets_the_safety_message():
    async def silent(_message: UserMessage) -> None:
        return None  # what Rasa does when the action server is unreachable

    sent = message()
    await never_silent(silent)(sent)
    assert_safety_message(texts(sent))


async def test_a_failed_turn_gets_the_safety_message_and_the_log_has_no_text(caplog):
    async def broken(_message: UserMessage) -> None:
        raise ConnectionError("action server unreachable")

    sent = message()
    with caplog.at_level(logging.DEBUG):
        await never_silent(broken)(sent)
    assert_safety_message(texts(sent))
    assert "Alice" not in caplog.text and "07700" not in caplog.text


async def test_real_replies_are_left_alone():
    async def answers(incoming: UserMessage) -> None:
        await incoming.output_channel.send_text_message(incoming.sender_id, "Where was this?")

    sent = message()
    await never_silent(answers)(sent)
    assert texts(sent) == ["Where was this?"]


async def test_what_a_failed_turn_had_said_is_replaced_by_the_safety_message():
    """A turn that failed after saying "deleted" (say, the save then failed) must not keep that claim."""

    async def said_then_failed(incoming: UserMessage) -> None:
        await incoming.output_channel.send_text_message(incoming.sender_id, "I've deleted this conversation.")
        raise ConnectionError("the tracker store is unreachable")

    sent = message()
    await never_silent(said_then_failed)(sent)
    assert_safety_message(texts(sent))
    assert "deleted" not in texts(sent)[0]


def test_lone_surrogates_and_controls_are_dropped_not_a_server_error():
    assert clean_text("\ud800a man\udc00 filming\u202e ") == "a man filming"
