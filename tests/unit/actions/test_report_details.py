"""The report form's extras slot (actions/report_details.py): one reader, one writer, a typed shape."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.report_details import ReportDetails, details_event, read_details, retries_of
from servator.storage import InvalidDraft


def tracker(value: Any) -> Tracker:
    return Tracker("details-user", {"report_details": value}, {}, [], False, None, {}, "action_listen")


def test_an_empty_slot_reads_as_no_details_and_a_copy_is_changed_not_the_slot():
    assert read_details(tracker(None)) == {}
    kept = {"postcode": "SW1A 2AA", "retries": {"report_when": 1}}
    details = read_details(tracker(kept))
    details["postcode"] = None
    retries_of(details)["report_when"] = 2
    assert kept == {"postcode": "SW1A 2AA", "retries": {"report_when": 1}}


def test_what_is_written_is_what_is_read_back():
    details: ReportDetails = {
        "when_iso": "2026-07-01T15:00:00+01:00",
        "pick_field": True,
        "attachments": ["t1"],
    }
    event = details_event(details)
    assert (event["name"], event["value"]) == ("report_details", details)
    assert read_details(tracker(event["value"])) == details


@pytest.mark.parametrize("value", [["not", "an", "object"], "text", 7])
def test_a_slot_that_is_not_an_object_is_refused_naming_its_type_only(value):
    with pytest.raises(InvalidDraft, match="report_details: expected an object, got") as refused:
        read_details(tracker(value))
    assert str(refused.value).endswith(type(value).__name__)
