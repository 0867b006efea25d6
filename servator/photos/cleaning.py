"""Cleaning a checked photo: upright, re-encoded from its pixels alone, hashed before and after.

`clean_photo(data)` runs the checks (servator.photos.checks), keeps the SHA-256 of the bytes as
received, turns the image upright (`ImageOps.exif_transpose`), converts an embedded colour profile
to sRGB, and encodes a new image made from the pixels only: no EXIF (so no GPS position or camera
details), no XMP, no ICC profile, no comments, and nothing that was appended after the image. A GPS
position the original carried is returned rounded to about 100 m, for officers only. Everything
happens in memory: the original is never written anywhere.
"""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass
from typing import Any

from PIL import ExifTags, Image, ImageCms, ImageOps

from servator.photos.checks import DECODE_ERRORS, check_size, identify, open_checked
from servator.photos.limits import ROUGH_DECIMALS

# Pillow format -> (format written, content type served, modes it is written in as they are)
OUTPUT = {
    "JPEG": ("JPEG", "image/jpeg", ("L", "RGB")),
    "PNG": ("PNG", "image/png", ("1", "L", "LA", "RGB", "RGBA", "I;16")),
    "WEBP": ("WEBP", "image/webp", ("RGB", "RGBA")),
    # HEIC becomes a JPEG: officers' browsers do not show HEIC.
    "HEIF": ("JPEG", "image/jpeg", ("L", "RGB")),
}
# Pillow format -> what the original is called on the report page ("HEIC", as iPhones name it).
ORIGINAL_NAMES = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "HEIF": "heic"}
JPEG_QUALITY = 90
WEBP_QUALITY = 90
THUMBNAIL_SIZE = (320, 320)
THUMBNAIL_QUALITY = 80
# What must never be in a cleaned copy's header (Pillow's names for metadata it read).
METADATA_KEYS = ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "Raw profile type exif")


@dataclass(frozen=True)
class CleanedPhoto:
    original_sha256: str
    original_bytes: int
    original_type: str  # "jpeg", "png", "webp" or "heic": what the bytes were
    cleaned: bytes
    cleaned_sha256: str
    content_type: str
    width: int
    height: int
    thumbnail: bytes  # JPEG
    location_removed: bool  # the original carried a GPS position (now gone from the image)
    rough_location: tuple[float, float] | None  # that position to about 100 m, when it was readable


def _degrees(value: Any, reference: Any, limit: float) -> float | None:
    """EXIF degrees/minutes/seconds (rationals) and N/S/E/W as signed decimal degrees, or None."""
    try:
        degrees, minutes, seconds = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    number = degrees + minutes / 60 + seconds / 3600
    if isinstance(reference, bytes):
        reference = reference.decode("ascii", "replace")
    if str(reference).strip().upper()[:1] in ("S", "W"):
        number = -number
    return number if math.isfinite(number) and -limit <= number <= limit else None


def gps_position(image: Image.Image) -> tuple[bool, tuple[float, float] | None]:
    """(the image carried GPS data, its position rounded to about 100 m when readable)."""
    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    except DECODE_ERRORS + (KeyError, TypeError):
        gps = {}
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    in_xmp = b"GPSLatitude" in (xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp))
    if not gps:
        return in_xmp, None
    latitude = _degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), 90.0)
    longitude = _degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), 180.0)
    if latitude is None or longitude is None:
        return True, None
    return True, (round(latitude, ROUGH_DECIMALS), round(longitude, ROUGH_DECIMALS))


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says (unturned if that tag cannot be read)."""
    try:
        return ImageOps.exif_transpose(image)
    except DECODE_ERRORS + (KeyError, TypeError, ZeroDivisionError):
        return image.copy()


def _in_srgb(image: Image.Image, icc_profile: Any) -> Image.Image:
    """Colours converted from an embedded profile to sRGB, so they stay right once the profile is dropped."""
    if not icc_profile or image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        target = ImageCms.createProfile("sRGB")
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, target, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def _pixels_only(image: Image.Image, allowed_modes: tuple[str, ...]) -> Image.Image:
    """A new image holding only the pixels (no info, no EXIF), in a mode the output format writes."""
    if image.mode not in allowed_modes:
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha and "RGBA" in allowed_modes else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encode(image: Image.Image, image_format: str) -> bytes:
    out = io.BytesIO()
    if image_format == "JPEG":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif image_format == "WEBP":
        image.save(out, "WEBP", quality=WEBP_QUALITY)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def _thumbnail(image: Image.Image) -> bytes:
    small = image.copy()
    small.thumbnail(THUMBNAIL_SIZE)
    if small.mode in ("RGBA", "LA"):
        background = Image.new("RGB", small.size, "white")
        background.paste(small.convert("RGBA"), mask=small.convert("RGBA").getchannel("A"))
        small = background
    elif small.mode != "RGB":
        small = small.convert("RGB")
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()


class MetadataLeft(RuntimeError):
    """A cleaned copy still had metadata in its header: a bug, and the copy is not stored."""


def assert_no_metadata(data: bytes) -> None:
    """Reads a cleaned copy's header back: MetadataLeft if any metadata is in it."""
    with Image.open(io.BytesIO(data)) as reopened:
        found = [key for key in METADATA_KEYS if reopened.info.get(key)]
        if found or len(reopened.getexif()):
            raise MetadataLeft(", ".join(found or ["exif"]))


def clean_photo(data: bytes) -> CleanedPhoto:
    """The checked, cleaned photo; PhotoRefused (servator.photos.checks) says why one is not kept."""
    check_size(len(data))
    original_sha256 = hashlib.sha256(data).hexdigest()
    image_format = identify(data)
    with open_checked(data, image_format) as image:
        location_removed, rough = gps_position(image)
        icc_profile = image.info.get("icc_profile")
        upright = _in_srgb(_upright(image), icc_profile)
    output_format, content_type, modes = OUTPUT[image_format]
    pixels = _pixels_only(upright, modes)
    cleaned = _encode(pixels, output_format)
    assert_no_metadata(cleaned)
    return CleanedPhoto(
        original_sha256=original_sha256,
        original_bytes=len(data),
        original_type=ORIGINAL_NAMES[image_format],
        cleaned=cleaned,
        cleaned_sha256=hashlib.sha256(cleaned).hexdigest(),
        content_type=content_type,
        width=pixels.width,
        height=pixels.height,
        thumbnail=_thumbnail(pixels),
        location_removed=location_removed,
        rough_location=rough,
    )
