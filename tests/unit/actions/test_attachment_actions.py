"""Attaching a received photo: only this conversation's, at most ten, the person told when location
data was removed or why a file was refused; outside a report the photo is deleted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select

from actions import attachment_actions
from actions.report_store import ReportStore
from servator.config.settings import sender_hash
from servator.storage import Attachment, ensure_schema, make_session_factory
from tests.support.images import plain_jpeg
from tests.support.photo_helpers import received_photo
from tests.support.storage_helpers import sqlite_url

SENDER = "telegram-conversation"


def tracker(
    entities: list[dict[str, Any]], details: dict[str, Any] | None = None, sender: str = SENDER
) -> Tracker:
    return Tracker(
        sender_id=sender,
        slots={"report_details": details or {}},
        latest_message={"text": "/share_photo", "intent": {"name": "share_photo"}, "entities": entities},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "report_form"},
        latest_action_name="action_listen",
    )


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ReportStore:
    url = sqlite_url(tmp_path)
    ensure_schema(url)
    store = ReportStore(url, str(tmp_path / "outbox"))
    monkeypatch.setattr(attachment_actions, "report_store", lambda: store)
    return store


def photos_of(store: ReportStore, sender: str = SENDER) -> int:
    sessions = make_session_factory(store.database_url)
    with sessions() as session:
        query = (
            select(func.count()).select_from(Attachment).where(Attachment.sender_hash == sender_hash(sender))
        )
        return session.execute(query).scalar_one()


async def run(action: Any, given: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, given, {})
    return dispatcher.messages, events


async def test_a_received_photo_is_attached_and_its_removed_location_mentioned(store):
    token = received_photo(make_session_factory(store.database_url), sender_hash(SENDER))
    said, events = await run(
        attachment_actions.ActionAttachPhoto, tracker([{"entity": "photo", "value": token}])
    )
    assert [m["response"] for m in said] == ["utter_photo_attached_location_removed"]
    assert said[0]["rough_metres"] == "100"
    assert events == [
        {"event": "slot", "timestamp": None, "name": "report_details", "value": {"attachments": [token]}}
    ]


async def test_a_photo_without_location_is_just_attached(store):
    token = received_photo(make_session_factory(store.database_url), sender_hash(SENDER), plain_jpeg())
    said, _ = await run(attachment_actions.ActionAttachPhoto, tracker([{"entity": "photo", "value": token}]))
    assert [m["response"] for m in said] == ["utter_photo_attached"]


async def test_another_conversations_photo_is_not_attached(store):
    token = received_photo(make_session_factory(store.database_url), sender_hash("someone-else"))
    said, events = await run(
        attachment_actions.ActionAttachPhoto, tracker([{"entity": "photo", "value": token}])
    )
    assert [m["response"] for m in said] == ["utter_photo_refused_not_received"] and events == []


async def test_the_eleventh_photo_is_refused_and_deleted(store):
    token = received_photo(make_session_factory(store.database_url), sender_hash(SENDER))
    ten = {"attachments": [f"photo{n}" for n in range(10)]}
    said, events = await run(
        attachment_actions.ActionAttachPhoto, tracker([{"entity": "photo", "value": token}], ten)
    )
    assert [m["response"] for m in said] == ["utter_photo_limit_reached"] and said[0]["max_photos"] == "10"
    assert events == [] and photos_of(store) == 0


@pytest.mark.parametrize("reason", ["too_large", "not_a_photo", "too_many_pixels", "damaged", "not_received"])
async def test_a_refused_file_is_explained_and_the_report_goes_on(store, reason):
    said, events = await run(
        attachment_actions.ActionAttachPhoto, tracker([{"entity": "photo_refused", "value": reason}])
    )
    assert [m["response"] for m in said] == [f"utter_photo_refused_{reason}"] and events == []
    assert said[0]["max_photo_mb"] == "10" and said[0]["photo_types"] == "JPEG, PNG, WebP or HEIC"


async def test_outside_a_report_the_photo_is_deleted_and_the_person_told_how_to_report(store):
    token = received_photo(make_session_factory(store.database_url), sender_hash(SENDER))
    said, events = await run(
        attachment_actions.ActionPhotoOutsideReport, tracker([{"entity": "photo", "value": token}])
    )
    assert [m["response"] for m in said] == ["utter_photo_not_kept"] and events == []
    assert photos_of(store) == 0


async def test_forgetting_the_conversation_deletes_its_unclaimed_photos(store):
    sessions = make_session_factory(store.database_url)
    received_photo(sessions, sender_hash(SENDER))
    received_photo(sessions, sender_hash("someone-else"))
    assert store.forget_conversation(SENDER)
    assert photos_of(store) == 0 and photos_of(store, "someone-else") == 1


async def test_typed_words_about_a_photo_get_how_to_send_one(store):
    said, events = await run(attachment_actions.ActionAttachPhoto, tracker([]))
    assert [m["response"] for m in said] == ["utter_photo_how"] and events == []
    said, _ = await run(attachment_actions.ActionPhotoOutsideReport, tracker([]))
    assert [m["response"] for m in said] == ["utter_attachment_outside_report"]


async def test_a_refused_file_outside_a_report_is_not_kept(store):
    said, _ = await run(
        attachment_actions.ActionPhotoOutsideReport,
        tracker([{"entity": "photo_refused", "value": "damaged"}]),
    )
    assert [m["response"] for m in said] == ["utter_photo_not_kept"]
