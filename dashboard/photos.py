"""A report's photos for signed-in officers: `/reports/REF/photos/ID` (the cleaned copy), `.../thumbnail`,
and `?download=1` to save it. Every view and download is audited.

Only the cleaned copy exists (servator/photos): no EXIF, XMP, ICC or comments. Each image goes
with a content type from a fixed list (servator.storage.IMAGE_CONTENT_TYPES), `nosniff`, and
`Cache-Control: no-store`, so no browser or proxy keeps a copy. A request without a session never
gets here (dashboard/auth.py sends it to the sign-in page).
"""

from __future__ import annotations

import string

from aiohttp import web
from sqlalchemy.orm import Session

from dashboard import audit, db
from servator.storage import REFERENCE_PATTERN, AttachmentRepository, PhotoImage

routes = web.RouteTableDef()
# A photo's id: 1 to 64 url-safe characters (servator.photos.intake makes them).
TOKEN_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_-")
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def is_token(text: str) -> bool:
    return 0 < len(text) <= 64 and set(text) <= TOKEN_CHARACTERS


def load_image(session: Session, officer: str, reference: str, token: str, kind: str) -> PhotoImage | None:
    """The image, its view audited in the same transaction; None when the report has no such photo."""
    image = AttachmentRepository(session).image(reference, token, thumbnail=kind == "thumbnail")
    if image is None:
        return None
    action = {"thumbnail": "view_photo_thumbnail", "view": "view_photo", "download": "download_photo"}[kind]
    audit.record(session, officer, action, reference, f"sha256={image.info.original_sha256}")
    session.commit()
    return image


async def _serve(request: web.Request, kind: str) -> web.Response:
    reference = request.match_info["reference"].strip().upper()
    token = request.match_info["token"]
    if not REFERENCE_PATTERN.fullmatch(reference) or not is_token(token):
        raise web.HTTPNotFound()
    if kind == "view" and request.query.get("download") == "1":
        kind = "download"
    officer = request["officer"]
    image = await db.run(request, lambda session: load_image(session, officer, reference, token, kind))
    if image is None:
        raise web.HTTPNotFound()
    headers = {
        "Content-Type": image.content_type,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
    }
    if kind == "download":
        name = f"{reference}-{image.info.cleaned_sha256[:12]}.{EXTENSIONS[image.content_type]}"
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return web.Response(body=image.data, headers=headers)


@routes.get("/reports/{reference}/photos/{token}")
async def photo(request: web.Request) -> web.Response:
    return await _serve(request, "view")


@routes.get("/reports/{reference}/photos/{token}/thumbnail")
async def thumbnail(request: web.Request) -> web.Response:
    return await _serve(request, "thumbnail")
