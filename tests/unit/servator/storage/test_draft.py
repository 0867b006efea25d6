"""A draft of the wrong types or sizes is never stored and never blocks the reports queued behind it."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from servator.storage import InvalidDraft, LocalOutbox, Report, ReportDraft
from tests.support.storage_helpers import INJECTION, full_draft

SECRET = "Alice Example 07700 900123"


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"description": {"text": SECRET}}, "description"),
        ({"location_text": [SECRET]}, "location_text"),
        ({"people_description": 12}, "people_description"),
        ({"category": None}, "category"),
        ({"latitude": "51.5"}, "latitude"),
        ({"longitude": 181.0}, "longitude"),
        ({"latitude": float("nan")}, "latitude"),
        ({"latitude": True}, "latitude"),
        ({"still_happening": "yes"}, "still_happening"),
        ({"occurred_at": "2026-01-01"}, "occurred_at"),
        ({"attachments": SECRET}, "attachments"),
        ({"attachments": [SECRET] * 11}, "attachments"),
        ({"attachments": [{"photo": SECRET}]}, "attachments"),
        ({"vehicle_registration": "A" * 17}, "vehicle_registration"),
        ({"description": "x" * 10_001}, "description"),
        ({"description": f"{SECRET}\x00"}, "description"),
        ({"submission_key": ""}, "submission_key"),
    ],
)
def test_a_wrong_type_or_size_is_refused_naming_the_field_never_the_value(changes, field):
    with pytest.raises(InvalidDraft) as refused:
        full_draft(**changes)
    message = str(refused.value)
    assert message.startswith(f"{field}:") or f"; {field}:" in message
    assert "Alice" not in message and "07700" not in message


def test_ints_are_numbers_and_absent_optional_fields_are_fine():
    draft = full_draft(latitude=51, longitude=0, people_description=None, occurred_at=None, attachments=[])
    assert draft.latitude == 51


def test_a_bad_draft_in_the_outbox_is_set_aside_and_the_ones_behind_it_are_stored(sessions, tmp_path):
    """A file written before drafts were checked, or edited by hand: it would fail the insert every time."""
    outbox = LocalOutbox(tmp_path / "outbox")
    outbox.put(full_draft("first"))
    bad = full_draft("bad").to_dict()
    bad["latitude"] = "fifty-one"
    bad["description"] = {"nested": "object"}
    (outbox.directory / "bad.json").write_text(json.dumps({"version": 1, "draft": bad, "notify": []}))
    outbox.put(full_draft("last"))
    assert outbox.flush(sessions) == 2
    assert (outbox.set_aside_directory / "bad.json").exists() and outbox.pending() == []
    with sessions() as session:
        keys = session.execute(select(Report.submission_key)).scalars().all()
        assert sorted(keys) == ["first", "last"]
        assert session.execute(select(func.count()).select_from(Report)).scalar_one() == 2


def test_a_bad_date_in_the_outbox_is_set_aside_too(sessions, tmp_path):
    outbox = LocalOutbox(tmp_path / "outbox")
    bad = full_draft("bad-date").to_dict()
    bad["occurred_at"] = "yesterday-ish"
    outbox.directory.mkdir(parents=True)
    (outbox.directory / "bad.json").write_text(json.dumps({"version": 1, "draft": bad, "notify": []}))
    assert outbox.flush(sessions) == 0 and (outbox.set_aside_directory / "bad.json").exists()
    assert isinstance(full_draft().occurred_at, datetime)


def test_draft_json_round_trip_keeps_every_field():
    draft = full_draft(description=INJECTION)
    assert ReportDraft.from_json(draft.to_json()) == draft
    assert ReportDraft.from_json(full_draft(occurred_at=None, attachments=[]).to_json()).occurred_at is None
