"""A report question is asked again once, with a hint; then what was said is taken."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.report_details import SLOT
from actions.report_retry import retry
from tests.support.form_trackers import responses, tracker


def test_asked_again_once_with_the_hint_then_taken():
    first_dispatcher = CollectingDispatcher()
    first = retry(tracker(text="soon"), "report_when", first_dispatcher, "utter_invalid_when_future")
    assert first is not None and first["report_when"] is None
    assert responses(first_dispatcher) == ["utter_invalid_when_future"]
    second_dispatcher = CollectingDispatcher()
    second = retry(tracker({SLOT: first[SLOT]}, "soon"), "report_when", second_dispatcher, "utter_x")
    assert second is None and responses(second_dispatcher) == []
