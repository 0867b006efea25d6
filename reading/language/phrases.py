"""Lists of words and phrases in one language, found in a normalised message in linear time (RE2).

A phrase matches at the start of a word. Each of its words of at least STEM_LETTERS letters also
matches with an ending after it ("cuchillo" finds "cuchillos", "bomba" finds "bombę", "botella
rota" finds "botellas rotas"), which covers plurals, agreement and case endings; shorter words
match whole words only. Arabic phrases also match after
the article and the one-letter prefixes ("السكين", "وسكين"). Chinese has no spaces between
words: its phrases match anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from reading import regex
from reading.language.text import has_han, normalise

STEM_LETTERS = 4
_ARABIC_PREFIX = "(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?"


def _word(word: str, ending: str) -> str:
    """One word of a phrase: a word of STEM_LETTERS letters or more may take an ending."""
    return regex.escape(word) + (ending if len(word) >= STEM_LETTERS else "")


def _alternative(phrase: str, language: str) -> str:
    words = normalise(phrase)
    if not words:
        return ""
    if language == "zh" or has_han(words):
        return regex.escape(words).replace("\\ ", " ")
    start = f"(?:^| ){_ARABIC_PREFIX if language == 'ar' else ''}"
    # A normalised message is words separated by single spaces: an ending is what is not a space.
    ending = "[^ ]*" if language == "tr" else "[^ ]{0,4}"
    return start + " ".join(_word(word, ending) for word in words.split()) + "(?: |$)"


class PhraseList:
    """Does a message contain one of the phrases? (`search`) Is it only one of them? (`whole`)"""

    def __init__(self, phrases: Iterable[str], language: str) -> None:
        self.phrases = sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True)
        alternatives = [a for a in (_alternative(p, language) for p in self.phrases) if a]
        self._search = regex.compile("|".join(alternatives)) if alternatives else None
        self._whole = set(self.phrases)

    def search(self, text: str | None) -> bool:
        """One of the phrases appears in `text`."""
        return self._search is not None and self._search.search(normalise(text)) is not None

    def remove(self, text: str | None) -> str:
        """`text` normalised, with every phrase found in it taken out (a space left in its place)."""
        normalised = normalise(text)
        return self._search.sub(" ", normalised) if self._search is not None else normalised

    def whole(self, text: str | None) -> bool:
        """`text` is exactly one of the phrases (after normalising)."""
        return normalise(text) in self._whole

    def __bool__(self) -> bool:
        return bool(self.phrases)
