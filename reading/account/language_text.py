"""The words of a message in another language, normalised (reading/language/text.py) and each
kept with its span as written, so every field read is the person's own words; and the language's
word lists matched over them (a word of 4+ letters takes an ending, Turkish any ending, Arabic
words the article and one-letter prefixes), in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reading import regex
from reading.language.text import normalise

WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
UNSPACED = frozenset({"zh"})  # written without spaces: phrases match anywhere
STEM_LETTERS = 4
_ARABIC_PREFIX = regex.compile("^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?")
# Arabic endings a word takes (feminine, plural, dual, possessive): "شباب" is not "الشبابيك".
_ARABIC_ENDINGS = frozenset({"ه", "ين", "ات", "ان", "ي", "ا", "ها", "هم", "يه", "ون", "ته", "تها"})


@dataclass(frozen=True)
class Text:
    """The normalised words of a text, each with its span in the text as written."""

    original: str
    joined: str
    spans: list[tuple[int, int, int]]  # (start in joined, start in original, end in original)
    spaced: bool = True

    def written(self, start: int, end: int) -> tuple[int, int]:
        """The span as written of the normalised span [start, end)."""
        inside = [(o_start, o_end) for j_start, o_start, o_end in self.spans if start <= j_start < end]
        if not inside:
            return (0, 0)
        return inside[0][0], inside[-1][1]

    def tokens(self) -> list[str]:
        return self.joined.split(" ") if self.spaced and self.joined else []

    def words_as_written(self, first: int, last: int) -> str:
        """Words first..last (inclusive, token indexes) as written."""
        return self.original[self.spans[first][1] : self.spans[last][2]]

    def breaks_between(self, first: int, second: int) -> bool:
        """A sentence or clause ends between token `first` and the token `second` after it."""
        lo, hi = sorted((first, second))
        return CLAUSE_END.search(self.original[self.spans[lo][2] : self.spans[hi][1]]) is not None


CLAUSE_END = regex.compile(r"[,.;:!?\n()，。；！？،؛।॥]")


def words_of(text: str, language: str) -> Text:
    if language in UNSPACED:
        lowered = "".join((c.casefold() or c)[0] for c in text)  # one character for one
        return Text(text, lowered, [(i, i, i + 1) for i in range(len(text))], spaced=False)
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    for match in WORD.finditer(text):
        word = normalise(match.group(0))
        if not word:
            continue
        spans.append((position, match.start(), match.end()))
        parts.append(word)
        position += len(word) + 1
    return Text(text, " ".join(parts), spans)


def alternation(phrases: list[str], language: str) -> Any:
    """Phrases found at word starts, a word of 4+ letters with an ending (as phrases.py)."""
    alternatives = []
    for phrase in sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True):
        if language in UNSPACED:
            alternatives.append(regex.escape(phrase).replace("\\ ", ""))
            continue
        ending = "[^ ]*" if language == "tr" else "[^ ]{0,4}"
        prefix = "(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?" if language == "ar" else ""
        words = [regex.escape(w) + (ending if len(w) >= 4 else "") for w in phrase.split()]
        alternatives.append(f"(?:^| ){prefix}" + " ".join(words) + "(?: |$)")
    return regex.compile("|".join(alternatives)) if alternatives else None


class Lexicon:
    """A list of words and phrases matched token by token: `at(tokens, i)` is how many tokens from
    `i` one of them covers (0: none). With `stems`, a word of 4+ letters takes an ending. The
    phrases are indexed by their first word, so a token is looked up, not compared with each."""

    def __init__(self, phrases: Iterable[Any], language: str, stems: bool = True) -> None:
        self.language = language
        self.stems = stems
        entries = {tuple(normalise(str(p)).split()) for p in phrases if normalise(str(p))}
        self.phrases = sorted(entries, key=len, reverse=True)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def _word(self, token: str, word: str) -> bool:
        if token == word:
            return True
        if not self.stems:
            return False
        if self.language == "ar":
            bare = _ARABIC_PREFIX.sub("", token)
            if bare == word or (bare.startswith(word) and bare[len(word) :] in _ARABIC_ENDINGS):
                return True
        if len(word) < STEM_LETTERS or not token.startswith(word):
            return False
        return self.language == "tr" or len(token) - len(word) <= 4

    def _first_words(self, token: str) -> list[str]:
        """The words a phrase may start with to match `token`: itself and, with stems, its starts."""
        if not self.stems:
            return [token]
        forms = [token[:end] for end in range(len(token), 0, -1)]
        if self.language == "ar":
            bare = _ARABIC_PREFIX.sub("", token)
            forms += [bare[:end] for end in range(len(bare), 0, -1)]
        return forms

    def at(self, tokens: list[str], index: int) -> int:
        best = 0
        for first in self._first_words(tokens[index]):
            for phrase in self._by_first.get(first, ()):
                if (
                    len(phrase) > best
                    and index + len(phrase) <= len(tokens)
                    and all(self._word(tokens[index + k], word) for k, word in enumerate(phrase))
                ):
                    best = len(phrase)
        return best

    def __bool__(self) -> bool:
        return bool(self.phrases)
