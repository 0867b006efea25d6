"""The one call every front end makes: the cleaned copy stored for the conversation, a message for Rasa."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from servator.config.settings import sender_hash
from servator.payloads import accepted_message
from servator.photos.intake import PhotoIntake
from servator.storage import Attachment
from tests.support import images


async def test_a_photo_is_stored_cleaned_for_its_conversation_and_rasa_gets_its_id(database_url, sessions):
    intake = PhotoIntake(database_url, "web")
    original = images.jpeg_with_gps()
    message = await intake.receive(original, "web-sender-1")
    assert accepted_message(message, from_front_end=True) == message, "a payload the REST channel takes"
    token = json.loads(message.removeprefix("/share_photo"))["photo"]
    with sessions() as session:
        row = session.execute(select(Attachment).where(Attachment.token == token)).scalar_one()
        assert row.report_id is None and row.sender_hash == sender_hash("web-sender-1")
        assert row.channel == "web" and row.location_removed
        assert (row.rough_latitude, row.rough_longitude) == (51.501, -0.142)
        assert bytes(row.cleaned) != original and images.metadata_of(bytes(row.cleaned))["exif"] == {}
        assert images.CAMERA_MODEL.encode() not in bytes(row.cleaned)


async def test_a_refused_file_stores_nothing_and_rasa_is_told_why(database_url, sessions, caplog):
    intake = PhotoIntake(database_url, "telegram")
    with caplog.at_level(logging.INFO):
        messages = [
            await intake.receive(data, "telegram-sender")
            for data in (
                images.truncated_jpeg(),
                images.renamed_executable(),
                images.png_claiming(50_000, 50_000),
            )
        ]
    assert messages == [
        '/share_photo{"photo_refused": "damaged"}',
        '/share_photo{"photo_refused": "not_a_photo"}',
        '/share_photo{"photo_refused": "too_many_pixels"}',
    ]
    with sessions() as session:
        assert session.execute(select(Attachment)).all() == []
    assert "telegram-sender" not in caplog.text


async def test_when_storage_is_unreachable_the_photo_is_not_received(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    intake = PhotoIntake(f"sqlite:///{blocked / 'db.sqlite'}", "web")
    assert (
        await intake.receive(images.plain_jpeg(), "someone")
        == '/share_photo{"photo_refused": "not_received"}'
    )
