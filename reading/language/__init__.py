"""The languages the assistant speaks besides English: which one a message is in, and their words.

Data lives in `languages/<code>/` (responses, danger cues, form answers, understanding examples);
this package reads it without Rasa, so the NLU components, the actions and the tools share it.
"""

from __future__ import annotations

ENGLISH = "en"
# ISO 639-1 codes, English first.
LANGUAGES = ("en", "ar", "bn", "zh", "fr", "it", "pl", "pt", "ro", "es", "tr")
OTHER_LANGUAGES = LANGUAGES[1:]


def known_language(code: object) -> str | None:
    """`code` as one of LANGUAGES ("es-ES" and "ES" become "es"), or None."""
    if not isinstance(code, str):
        return None
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return base if base in LANGUAGES else None
