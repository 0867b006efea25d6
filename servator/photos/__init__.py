"""Photos as evidence, one pipeline for every channel (the Telegram bot, the web chat).

- `limits`: 10 MB a file, 40 megapixels an image, 10 photos a report; the accepted types (JPEG,
  PNG or WebP: HEIC only with a maintained decoder in the lock, which there is not).
- `checks`: the type read from the bytes, the size and the pixel count checked before decoding.
- `cleaning`: upright, re-encoded without EXIF, XMP, ICC or comments, SHA-256 before and after,
  a GPS position kept only rounded to about 100 m, for officers.
- `intake`: a front end's one call, `PhotoIntake.receive`, which stores the cleaned copy for the
  conversation's report and returns the message for Rasa.

Nothing is imported here, so `limits` can be read without loading Pillow.
"""
