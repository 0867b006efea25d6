"""What was my reference? The conversation's reference said again, only when it is one; the reference
and a language other than English are kept across a restart."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.reference_actions import ActionTellReference, kept_language, kept_reference
from tests.support.form_trackers import tracker

REFERENCE = "SRV-20261206-YA6WTR"


async def told(slots: dict[str, object]) -> list[dict[str, object]]:
    dispatcher = CollectingDispatcher()
    assert await ActionTellReference().run(dispatcher, tracker(slots), {}) == []
    return dispatcher.messages


async def test_the_reference_is_said_again():
    [message] = await told({"last_reference": REFERENCE})
    assert message["response"] == "utter_reference_is" and message["reference"] == REFERENCE


async def test_no_reference_or_a_forged_one_is_no_reference():
    for value in (None, "SRV-1; DROP TABLE", "<b>SRV-20261206-YA6WTR</b>"):
        [message] = await told({"last_reference": value})
        assert message["response"] == "utter_no_reference" and "reference" not in message


def test_the_reference_and_another_language_are_kept_across_a_restart():
    kept = kept_reference(tracker({"last_reference": REFERENCE})) + kept_language(tracker({"language": "fr"}))
    assert [(event["name"], event["value"]) for event in kept] == [
        ("last_reference", REFERENCE),
        ("language", "fr"),
    ]
    assert kept_reference(tracker({"last_reference": "forged"})) == []
    assert kept_language(tracker({"language": "en"})) == kept_language(tracker({})) == []
