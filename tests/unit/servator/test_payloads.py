"""Only the assistant's own buttons reach Rasa as intents; typed text is text (servator.payloads)."""

from __future__ import annotations

import json

import pytest

from servator.payloads import WORD_JOINER, accepted_message, button_payloads, checked_attachment


def test_every_button_payload_the_domain_offers_is_accepted_as_it_is():
    payloads = button_payloads()
    assert '/inform{"report_category":"surveillance"}' in payloads and "/affirm" in payloads
    assert all("{{" not in payload for payload in payloads), "Rasa renders {{ as {"
    for payload in payloads:
        assert accepted_message(payload) == payload


@pytest.mark.parametrize(
    "typed",
    [
        '/share_photo{"photo":"=HYPERLINK(1)"}',
        '/share_location{"latitude": 51.5, "longitude": -0.1}',
        '/inform{"report_confirm":"confirmed","report_category":"other"}',
        '/inform{"report_category": "surveillance"}',  # not byte-for-byte a button
        "/emergency",
        "/nlu_fallback",
        "/greet@0.99",
        "//affirm",
    ],
)
def test_anything_else_starting_with_a_slash_goes_in_as_text(typed):
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.message import Message

    from servator.config.constants import DOMAIN_PATH

    accepted = accepted_message(typed.strip())
    assert accepted.startswith("/" + WORD_JOINER), "the form's validation still sees a leading slash"
    assert accepted.replace(WORD_JOINER, "") == typed.strip(), "nothing of what was typed is lost"
    # Rasa's own reader of `/intent{...}` messages, with the real domain, keeps it as text.
    from rasa.shared.core.domain import Domain

    unpacked = YAMLStoryReader.unpack_regex_message(
        Message({"text": accepted}), Domain.load(str(DOMAIN_PATH))
    )
    assert unpacked.get("intent") is None and unpacked.get("text") == accepted


def test_forget_is_rasa_s_restart_and_plain_text_is_untouched():
    assert accepted_message("/forget") == "/restart"
    assert accepted_message("what is project servator") == "what is project servator"


@pytest.mark.parametrize(
    "payload,expected",
    [
        (
            '/share_location{"latitude": 51.5113, "longitude": -0.1527}',
            {"latitude": 51.5113, "longitude": -0.1527},
        ),
        ('/share_location{"latitude": 90, "longitude": -180}', {"latitude": 90.0, "longitude": -180.0}),
        ('/share_location{"latitude": 90.01, "longitude": 0}', None),
        ('/share_location{"latitude": 0, "longitude": 180.5}', None),
        ('/share_location{"latitude": "51.5", "longitude": "-0.1"}', None),
        ('/share_location{"latitude": NaN, "longitude": 0}', None),
        ('/share_location{"latitude": true, "longitude": 0}', None),
        ('/share_location{"latitude": 51.5, "longitude": -0.1, "photo": "x"}', None),
        ('/share_photo{"photo": "AgACAgQAAxkBAAIB"}', {"photo": "AgACAgQAAxkBAAIB"}),
        ('/share_photo{"photo": "=HYPERLINK(1)"}', None),
        ('/share_photo{"photo": ""}', None),
        ('/share_photo{"photo": 12}', None),
        ('/share_photo["AgAC"]', None),
        ('/share_photo{"photo": "' + "A" * 257 + '"}', None),
        ('/share_photo{"photo_refused": "too_large"}', {"photo_refused": "too_large"}),
        ('/share_photo{"photo_refused": "not_a_photo"}', {"photo_refused": "not_a_photo"}),
        ('/share_photo{"photo_refused": "because"}', None),
        ('/share_photo{"photo_refused": ["damaged"]}', None),
        ('/share_photo{"photo_refused": "damaged", "photo": "AgAC"}', None),
    ],
)
def test_the_front_end_s_attachments_are_rebuilt_from_checked_values(payload, expected):
    checked = checked_attachment(payload)
    if expected is None:
        assert checked is None
        assert not accepted_message(payload, from_front_end=True).startswith(payload.split("{")[0] + "{")
    else:
        assert checked is not None and json.loads(checked[checked.index("{") :]) == expected
        assert accepted_message(payload, from_front_end=True) == checked
        assert accepted_message(payload, from_front_end=False) != checked, "only from the front end"
