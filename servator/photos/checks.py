"""What a received file must be before it is decoded: small enough, a photo type read from its bytes,
and not too many pixels. Nothing here trusts a file name or a declared content type.

The type is read from the first bytes with `filetype`, then Pillow opens only that format (HEIC
through pi-heif's opener: libheif's decoder, registered here) and reads the header (Pillow's own decompression-bomb guard stays on: `Image.open` refuses a header
claiming more than twice `Image.MAX_IMAGE_PIXELS`). Pixels are counted from the header, so a
50,000 x 50,000 PNG is refused without a byte of it being decoded.
"""

from __future__ import annotations

import io
import struct

import filetype
import pi_heif
from PIL import Image, UnidentifiedImageError

from servator.payloads import PHOTO_REFUSALS
from servator.photos.limits import MAX_PHOTO_BYTES, MAX_PIXELS

# What a photo may be, by the type its bytes say: filetype's MIME type -> Pillow's format name
# (servator.photos.limits.ACCEPTED_NAMES says the same to people).
ACCEPTED_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/heic": "HEIF"}
# Errors Pillow raises for a file that is not what its first bytes said, or that is cut short.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error)

# HEIC as Pillow's "HEIF" format; its depth images and embedded thumbnails are never read.
pi_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)


class PhotoRefused(Exception):
    """A file that will not be kept; `reason` is one of servator.payloads.PHOTO_REFUSALS."""

    def __init__(self, reason: str) -> None:
        if reason not in PHOTO_REFUSALS:
            raise ValueError(f"unknown refusal {reason!r}")
        super().__init__(reason)
        self.reason = reason


def check_size(size: int | None) -> None:
    """PhotoRefused("too_large") when a file (or what is declared of it) is over the limit."""
    if size is not None and size > MAX_PHOTO_BYTES:
        raise PhotoRefused("too_large")


def identify(data: bytes) -> str:
    """Pillow's format name for the type the bytes themselves say, or PhotoRefused("not_a_photo")."""
    kind = filetype.guess(data[:8192])
    if kind is None or kind.mime not in ACCEPTED_FORMATS:
        raise PhotoRefused("not_a_photo")
    return ACCEPTED_FORMATS[kind.mime]


def open_checked(data: bytes, image_format: str) -> Image.Image:
    """The image, decoded only after its header passed the pixel limit; PhotoRefused otherwise."""
    try:
        image = Image.open(io.BytesIO(data), formats=[image_format])
    except Image.DecompressionBombError:
        raise PhotoRefused("too_many_pixels") from None
    except DECODE_ERRORS:
        raise PhotoRefused("damaged") from None
    width, height = image.size
    if width < 1 or height < 1:
        raise PhotoRefused("damaged")
    if width * height > MAX_PIXELS:
        raise PhotoRefused("too_many_pixels")
    try:
        image.load()  # a truncated file fails here: Pillow's LOAD_TRUNCATED_IMAGES stays off
    except DECODE_ERRORS:
        raise PhotoRefused("damaged") from None
    return image
