"""The photo limits every channel applies, and the values the responses about them say."""

from __future__ import annotations

from servator.photos.limits import MAX_PHOTO_BYTES, MAX_PIXELS, response_values
from servator.storage.draft import MAX_ATTACHMENTS


def test_the_limits_are_the_issue_s_and_the_responses_say_them():
    assert (MAX_PHOTO_BYTES, MAX_PIXELS, MAX_ATTACHMENTS) == (10 * 1024 * 1024, 40_000_000, 10)
    assert response_values() == {
        "max_photo_mb": "10",
        "max_megapixels": "40",
        "max_photos": "10",
        "photo_types": "JPEG, PNG, WebP or HEIC",
        "rough_metres": "100",
    }
