"""Photos as the front ends leave them: cleaned (servator/photos) and waiting in the report database."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy.orm import Session

from servator.photos.cleaning import clean_photo
from servator.photos.intake import new_attachment
from servator.storage import SqlUnitOfWork
from tests.support.images import jpeg_with_gps


def received_photo(
    sessions: Callable[[], Session], sender_key: str, data: bytes | None = None, channel: str = "telegram"
) -> str:
    """Store a received photo (by default a JPEG with GPS) for the conversation `sender_key`; its token."""
    token = secrets.token_urlsafe(24)
    with SqlUnitOfWork(sessions) as uow:
        uow.attachments.add(new_attachment(clean_photo(data or jpeg_with_gps()), token, sender_key, channel))
        uow.commit()
    return token
