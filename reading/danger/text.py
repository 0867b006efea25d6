"""How the danger detector cleans a message and cuts it up before reading it (reading/danger/detector.py).

Cleaning undoes what hurry does to spelling: curly quotes, letters held down ("HELPPP"), and a
dropped final g ("smoke pourin out", "comin up coughin'") on any word the rules know with its g,
and a letter left out or two swapped in a long danger word ("explsion", "uncosncious").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from reading import regex
from reading.danger import rules, words

SENTENCE_END = words.SENTENCE_WORDS["sentence_end"]
FUNCTION_WORDS = frozenset(words.FUNCTION_WORDS)
PIECE_CHARS = 600  # long unpunctuated runs are judged in windows of about this size
# Three or more of one letter in a row ("sooo", "HELPPP"): RE2 has no back-references, so one
# alternative per letter.
_REPEATS = regex.compile(
    "|".join(f"{letter}{{3,}}" for letter in "abcdefghijklmnopqrstuvwxyz"), ignore_case=True
)
_SENTENCE_END = regex.compile(r"[.!?;\n]")
# Every byte that is not an ASCII lower-case letter or digit, to a space (see ascii_words).
_NOT_WORD_BYTES = bytes(b if 0x61 <= b <= 0x7A or 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_G_DROPPED = regex.compile(r"\b[A-Za-z]{2,}in(?:'|\b)")
_LONG_WORD = regex.compile(r"\b[A-Za-z]{6,}\b")


def ascii_words(text: str) -> list[str]:
    """The runs of ASCII lower-case letters and digits in `text` (lower it first), as RE2's
    findall of `[a-z0-9]+` finds them, in a few C calls: the pattern's wrapper built a Python
    object a word, and every message is cut into words several times. In UTF-8 no byte of a
    character outside ASCII is one of those, so each run of them is a run of those characters."""
    return text.encode().translate(_NOT_WORD_BYTES).decode("ascii").split()


def _slips(words: frozenset[str]) -> dict[str, str]:
    """Each word with one letter left out or two neighbours swapped, mapped back to the word.

    Only long words, and no insertions or substitutions: those are the slips that rarely make
    another English word ("exploring" is one letter from "exploding", but not by a slip here).
    """
    found: dict[str, str] = {}
    for word in words:
        for i in range(len(word)):
            found.setdefault(word[:i] + word[i + 1 :], word)
            if i + 1 < len(word):
                found.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2 :], word)
    return {slip: word for slip, word in found.items() if slip not in words}


def _ing_words() -> frozenset[str]:
    """Every "-ing" word of the vocabulary's phrases and the token patterns' word lists."""
    found: set[str] = set()
    for listed in (*rules.PHRASES.values(), *words.CONTEXTS.values()):
        for phrase in listed:
            found.update(w for w in ascii_words(phrase.lower()) if w.endswith("ing"))
    for patterns in rules.PATTERNS.values():
        for pattern in patterns:
            for token in pattern:
                value = token.get("LOWER")
                options = value.get("IN", []) if isinstance(value, dict) else [value]
                found.update(w for w in options if isinstance(w, str) and w.endswith("ing"))
    return frozenset(found)


class Cleaner:
    """Undoes hurried spelling; built once (it gathers the rules' "-ing" words)."""

    def __init__(self) -> None:
        self._ing = _ing_words()
        self._slips = _slips(words.SENTENCE_WORDS["slip_checked"])

    def __call__(self, text: str) -> str:
        text = text.replace("’", "'").replace("‘", "'")
        text = _REPEATS.sub(lambda run: str(run.group(0)[0]), text)
        text = _G_DROPPED.sub(self._restore_g, text)
        return _LONG_WORD.sub(self._undo_slip, text)

    def _undo_slip(self, match: regex.Match) -> str:
        word = str(match.group(0))
        return self._slips.get(word.lower(), word)

    def _restore_g(self, match: regex.Match) -> str:
        word = str(match.group(0)).rstrip("'")
        return word + "g" if word.lower() + "g" in self._ing else str(match.group(0))


def sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of sentences: split at . ! ? ; and line breaks."""
    start = 0
    for token in doc:
        if (
            token.text in SENTENCE_END
            or set(token.text) <= {".", "!", "?"}
            or (token.is_space and "\n" in token.text)
        ):
            if token.i + 1 > start:
                yield start, token.i + 1
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)


def split_sentences(text: str) -> Iterator[str]:
    """The text in pieces that each end with their . ! ? ; or line break (the last one may not)."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        yield text[start : end.end()]
        start = end.end()
    yield text[start:]


def windows(sentence: str) -> Iterator[str]:
    """A sentence, or overlapping windows of it when it runs on for hundreds of characters."""
    if len(sentence) <= PIECE_CHARS:
        yield sentence
        return
    step = PIECE_CHARS - 150
    for offset in range(0, len(sentence), step):
        yield sentence[offset : offset + PIECE_CHARS]


def says_something(text: str) -> bool:
    """False for words that are all determiners, prepositions or conjunctions ("at the", sent half
    typed): a model has no reading to give of them. Signs and emoji alone are left to the model."""
    found = ascii_words(text.lower())
    return not found or not FUNCTION_WORDS.issuperset(found)
