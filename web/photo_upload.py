"""`POST /api/photo`: reading a photo the web chat sends (multipart/form-data, fields `session` and
`photo`), in memory only, and turning it into the message for Rasa (servator/photos).

aiohttp's `request.post()` would write a large file part to a temporary file; the multipart reader
here keeps it in memory and stops reading past the limit, so the original is never written to disk.
A body declared larger than a photo may be is answered at once (413), with the same polite reason
the assistant gives; a body that turns out larger is refused the same way through Rasa, so the
report's question is asked again. The name and content type the browser gives the file are ignored:
servator.photos reads the type from the bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from servator.config.responses import render
from servator.photos.intake import PhotoIntake, refusal
from servator.photos.limits import MAX_PHOTO_BYTES, response_values

MULTIPART_TYPE = "multipart/form-data"
# The photo, the session field and the multipart framing around them.
MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES + 64 * 1024
MAX_SESSION_CHARS = 64
MAX_PARTS = 4
CHUNK_BYTES = 64 * 1024
TOO_LARGE_RESPONSE = "utter_photo_refused_too_large"


PHOTOS = web.AppKey("photos", PhotoIntake)


def install(app: web.Application, database_url: str | None) -> None:
    """Photos are kept only with a report database to keep them in (none: each is refused, politely)."""
    if database_url:
        app[PHOTOS] = PhotoIntake(database_url, "web")


def page_values() -> dict[str, str]:
    """The page's {photo_types} and {max_photo_mb}, as the assistant says them."""
    return response_values()


class UploadRejected(Exception):
    """An upload we will not relay; becomes a JSON error (with the assistant's words when it has some)."""

    def __init__(self, status: int, message: str, replies: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"error": message, **({"replies": replies} if replies else {})}


@dataclass
class Upload:
    session: str
    photo: bytes | None = field(repr=False)  # None: it was over MAX_PHOTO_BYTES (the rest was not kept)


def too_large() -> UploadRejected:
    reply = render(TOO_LARGE_RESPONSE, **response_values())
    return UploadRejected(413, f"photo too large (limit {MAX_PHOTO_BYTES} bytes)", [reply])


async def _read_capped(part: BodyPartReader, limit: int) -> bytes | None:
    """The part's bytes, or None once more than `limit` came (the rest is read past, not kept)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await part.read_chunk(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            chunks.clear()
            while await part.read_chunk(CHUNK_BYTES):
                pass
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def read_upload(request: web.Request, session_pattern: Any) -> Upload:
    """The session and the photo's bytes; UploadRejected says what is wrong with the request."""
    if request.content_type != MULTIPART_TYPE:
        raise UploadRejected(415, "Content-Type must be multipart/form-data")
    if request.content_length is not None and request.content_length > MAX_UPLOAD_BYTES:
        raise too_large()
    try:
        reader = await request.multipart()
        session: str | None = None
        photo: bytes | None = None
        seen_photo = False
        for _ in range(MAX_PARTS):
            part = await reader.next()
            if part is None:
                break
            if not isinstance(part, BodyPartReader):
                raise UploadRejected(400, "nested multipart bodies are not accepted")
            if part.name == "session" and session is None:
                raw = await _read_capped(part, MAX_SESSION_CHARS)
                session = raw.decode("ascii", "replace") if raw is not None else ""
            elif part.name == "photo" and not seen_photo:
                seen_photo = True
                photo = await _read_capped(part, MAX_PHOTO_BYTES)
            else:
                await _read_capped(part, 0)
    except (ValueError, UnicodeDecodeError, AssertionError):
        raise UploadRejected(400, "request body is not valid multipart/form-data") from None
    if session is None or not session_pattern.fullmatch(session):
        raise UploadRejected(400, "session must be a url-safe token of 16 to 64 characters")
    if not seen_photo:
        raise UploadRejected(400, "photo is missing")
    return Upload(session, photo)


async def message_for_rasa(app: web.Application, upload: Upload, sender: str) -> str:
    """The payload Rasa gets for this upload: the stored photo's id, or why it was refused."""
    if upload.photo is None:
        return refusal("too_large")
    if PHOTOS not in app:
        return refusal("not_received")
    return await app[PHOTOS].receive(upload.photo, sender)
