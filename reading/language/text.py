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

# Latin combining diacritics, Arabic harakat, superscript alef and tatweel. Characters are
# dropped and mapped by str.translate, not by a pattern: RE2's Python wrapper builds an object a
# match, which made this the costliest step of reading a message.
_DROPPED = dict.fromkeys([*range(0x300, 0x370), *range(0x64B, 0x660), 0x670, 0x640])
_MAPPED = str.maketrans(
    {"ł": "l", "ı": "i", "ø": "o", "ß": "ss", "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": ""}
)
_HAN = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=256)
def normalise(text: str | None) -> str:
    """Lower-case words separated by single spaces, without accents or punctuation (remembered: one
    message is read by every language's phrase lists)."""
    folded = _folded(text or "")
    return " ".join(folded.translate(_spaces(folded)).split())


def _folded(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    dropped = unicodedata.normalize("NFD", folded).translate(_DROPPED)
    return unicodedata.normalize("NFC", dropped).translate(_MAPPED)


def _spaces(text: str) -> dict[int, str]:
    """Every character of `text` that is neither a letter, a digit nor a combining mark, to a space."""
    return {ord(c): " " for c in set(text) if unicodedata.category(c)[0] not in "LNM"}


def words_of(texts: list[str]) -> frozenset[str]:
    """The words `normalise` finds in each text, for many texts at once (a language's 9,000 training
    examples at start-up): joined by a line break, which nothing composes with and which is no word
    character, and split at every character that is neither a letter, a digit nor a mark, as
    `normalise` does."""
    text = _folded("\n".join(texts))
    return frozenset(text.translate(_spaces(text)).split())


def has_han(text: str) -> bool:
    """Chinese characters, which are written without spaces between words."""
    return _HAN.search(text) is not None
