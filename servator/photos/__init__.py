"""Photos as evidence, one pipeline for every channel (the Telegram bot, the web chat).

- `checks`: the limits (10 MB a file, 40 megapixels an image), the type read from the bytes
  (JPEG, PNG or WebP; HEIC only when a maintained decoder is in the lock, which it is not).
- `cleaning`: upright, re-encoded without EXIF, XMP, ICC or comments, SHA-256 before and after,
  a GPS position kept only rounded to about 100 m for officers.
- `intake`: a front end's one call, `PhotoIntake.receive`, which stores the cleaned copy for the
  conversation's report and returns the message for Rasa.

The number of photos a report may have is the storage's (servator.storage.draft.MAX_ATTACHMENTS).
"""

from servator.photos.checks import ACCEPTED_NAMES, MAX_PHOTO_BYTES, MAX_PIXELS, PhotoRefused, check_size
from servator.photos.cleaning import CleanedPhoto, clean_photo
from servator.photos.intake import PhotoIntake, refusal

__all__ = [
    "ACCEPTED_NAMES",
    "MAX_PHOTO_BYTES",
    "MAX_PIXELS",
    "CleanedPhoto",
    "PhotoIntake",
    "PhotoRefused",
    "check_size",
    "clean_photo",
    "refusal",
]
