"""Receiving a photo for a report, the same way on every channel.

A front end hands `PhotoIntake.receive` the bytes it received (in memory) and the sender id it
gives Rasa. The photo is checked and cleaned (servator.photos.cleaning) in a worker thread, at most
`concurrency` at once per process, and only the cleaned copy is written to the report database,
waiting for the conversation's report (servator.storage.attachment_tables). What comes back is the
message the front end sends Rasa with its FRONT_END_TOKEN: the photo's id, or the reason it was
refused. The action server then attaches it to the report, or, outside a report, deletes it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets

from sqlalchemy.exc import SQLAlchemyError

from servator.config.settings import sender_hash
from servator.payloads import photo_payload, photo_refused_payload
from servator.photos.checks import PhotoRefused
from servator.photos.cleaning import CleanedPhoto, clean_photo
from servator.storage import Attachment, SessionFactoryOnFirstUse, SqlUnitOfWork

log = logging.getLogger(__name__)
CHANNELS = ("telegram", "web")
DEFAULT_CONCURRENCY = 2


def refusal(reason: str) -> str:
    """The message telling Rasa a file was not kept, and why (servator.payloads.PHOTO_REFUSALS)."""
    payload = photo_refused_payload(reason)
    if payload is None:
        raise ValueError(f"unknown refusal {reason!r}")
    return payload


def new_attachment(photo: CleanedPhoto, token: str, sender_key: str, channel: str) -> Attachment:
    """The row for a cleaned photo waiting for the report of the conversation whose keyed hash is
    `sender_key` (the reports' `sender_hash` of the same conversation)."""
    rough = photo.rough_location
    return Attachment(
        token=token,
        report_id=None,
        sender_hash=sender_key,
        channel=channel,
        original_sha256=photo.original_sha256,
        original_bytes=photo.original_bytes,
        original_type=photo.original_type,
        cleaned_sha256=photo.cleaned_sha256,
        content_type=photo.content_type,
        width=photo.width,
        height=photo.height,
        location_removed=photo.location_removed,
        rough_latitude=rough[0] if rough else None,
        rough_longitude=rough[1] if rough else None,
        cleaned=photo.cleaned,
        thumbnail=photo.thumbnail,
    )


class PhotoIntake:
    """One per front-end process: `await receive(data, sender)` -> the message for Rasa."""

    def __init__(self, database_url: str, channel: str, concurrency: int = DEFAULT_CONCURRENCY) -> None:
        if channel not in CHANNELS:
            raise ValueError(f"channel must be one of {', '.join(CHANNELS)}")
        self.channel = channel
        self._sessions = SessionFactoryOnFirstUse(database_url)
        self._concurrency = concurrency
        self._slots: asyncio.Semaphore | None = None

    def keep(self, data: bytes, sender: str) -> str:
        """Blocking: check and clean the photo, store the cleaned copy; its token. PhotoRefused says why not."""
        photo = clean_photo(data)
        token = secrets.token_urlsafe(24)
        try:
            with SqlUnitOfWork(self._sessions.get()) as uow:
                uow.attachments.add(new_attachment(photo, token, sender_hash(sender), self.channel))
                uow.commit()
        except (SQLAlchemyError, OSError) as error:
            log.warning("photo not stored: storage unavailable (%s)", type(error).__name__)
            self._sessions.forget()
            raise PhotoRefused("not_received") from None
        return token

    async def receive(self, data: bytes, sender: str) -> str:
        """The message for Rasa about this photo: its id once the cleaned copy is stored, or a refusal."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._concurrency)
        async with self._slots:
            try:
                token = await asyncio.to_thread(self.keep, data, sender)
            except PhotoRefused as refused:
                log.info("photo refused (%s)", refused.reason)
                return refusal(refused.reason)
            except Exception as error:  # noqa: BLE001 - a photo that breaks the decoder is still answered
                log.error("photo not kept: %s", type(error).__name__)
                return refusal("not_received")
        log.info("photo kept, waiting for its report")
        payload = photo_payload(token)
        assert payload is not None  # token_urlsafe makes a valid id
        return payload
