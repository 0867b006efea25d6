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
    return _NOT_WORD.sub(" ", _folded(text or "")).strip()


def _folded(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFC", _DROPPED.sub("", unicodedata.normalize("NFD", folded))).translate(
        _MAPPED
    )


def words_of(texts: list[str]) -> frozenset[str]:
    """The words `normalise` finds in each text, for many texts at once (a language's 9,000 training
    examples at start-up): joined by a line break, which nothing composes with and which is no word
    character, and split at every character that is neither a letter, a digit nor a mark (as
    _NOT_WORD) by one translation instead of a regex match per space."""
    text = _folded("\n".join(texts))
    spaces = {ord(c): " " for c in set(text) if unicodedata.category(c)[0] not in "LNM"}
    return frozenset(text.translate(spaces).split())


def has_han(text: str) -> bool:
    """Chinese characters, which are written without spaces between words."""
    return _HAN.search(text) is not None
