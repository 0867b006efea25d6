"""The languages the assistant speaks besides English: which one a message is in, and their words.

Data lives in `languages/<code>/` (responses, danger cues, form answers, understanding examples);
this package reads it without Rasa, so the NLU components, the actions and the tools share it.
"""

from __future__ import annotations

ENGLISH = "en"
# ISO 639-1 codes, English first.
LANGUAGES = ("en", "ar", "bn", "zh", "fr", "it", "pl", "pt", "ro", "es", "tr")
OTHER_LANGUAGES = LANGUAGES[1:]
# How officers see each language (English names).
LANGUAGE_NAMES = {
    "en": "English",
    "ar": "Arabic",
    "bn": "Bengali",
    "zh": "Chinese (Simplified)",
    "fr": "French",
    "it": "Italian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "es": "Spanish",
    "tr": "Turkish",
}


def language_label(code: object) -> str:
    """ "Spanish (es)" for officers; English for a report without a language."""
    known = known_language(code) or ENGLISH
    return f"{LANGUAGE_NAMES[known]} ({known})"


def known_language(code: object) -> str | None:
    """`code` as one of LANGUAGES ("es-ES" and "ES" become "es"), or None."""
    if not isinstance(code, str):
        return None
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return base if base in LANGUAGES else None
