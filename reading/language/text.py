"""Unicode-aware normalising of a message before its words are compared with a language's lists.

Case folded (NFKC first, so full-width forms and ligatures match), Latin accents and Arabic
vowel marks removed (people type "esta" for "está"), letters that have no decomposition mapped
(Polish ł, Turkish ı, Arabic alef and yeh forms), and every run of characters that is neither a
letter, a digit nor a combining mark (Bengali vowel signs are marks) becomes one space.
"""

from __future__ import annotations

import functools
import unicodedata

from reading import regex

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}\p{M}]+")
# Latin combining diacritics, Arabic harakat, superscript alef and tatweel.
_DROPPED = regex.compile("[\u0300-\u036f\u064b-\u065f\u0670\u0640]")
_MAPPED = str.maketrans(
    {"ł": "l", "ı": "i", "ø": "o", "ß": "ss", "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": ""}
)
_HAN = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=256)
def normalise(text: str | None) -> str:
    """Lower-case words separated by single spaces, without accents or punctuation (remembered: one
    message is read by every language's phrase lists)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    stripped = unicodedata.normalize("NFC", _DROPPED.sub("", unicodedata.normalize("NFD", folded)))
    return _NOT_WORD.sub(" ", stripped.translate(_MAPPED)).strip()


def has_han(text: str) -> bool:
    """Chinese characters, which are written without spaces between words."""
    return _HAN.search(text) is not None
