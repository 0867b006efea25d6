"""The limits every channel applies to photos, and the values the responses about them are filled with.

Kept apart from the decoding (servator.photos.checks imports Pillow) so the action server, which
only talks about photos, reads the same numbers.
"""

from __future__ import annotations

from servator.storage.draft import MAX_ATTACHMENTS

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# What a photo may be, named for people (HEIC is what iPhones take photos in).
ACCEPTED_NAMES = "JPEG, PNG, WebP or HEIC"
# A GPS position a photo carried is kept to 3 decimal places of a degree: 111 m of latitude,
# about 70 m of longitude in London.
ROUGH_DECIMALS = 3
ROUGH_METRES = 100


def response_values() -> dict[str, str]:
    """{max_photo_mb}, {max_megapixels}, {max_photos}, {photo_types}, {rough_metres} for the domain's texts."""
    return {
        "max_photo_mb": str(MAX_PHOTO_BYTES // (1024 * 1024)),
        "max_megapixels": str(MAX_PIXELS // 1_000_000),
        "max_photos": str(MAX_ATTACHMENTS),
        "photo_types": ACCEPTED_NAMES,
        "rough_metres": str(ROUGH_METRES),
    }
