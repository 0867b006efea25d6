"""The conversation's language: it sticks, and changes only on a clear message or a request.

- Asking for a language changes to it: "English please" (or its equivalent in any of the
  languages' form answers), or the language's own name alone ("Español", "en español"). A short
  message naming English among words only ever used to ask for a language ("speak English
  please", "english pls", "hable en inglés", "请说英语") asks for English too.
- Arabic, Bengali or Chinese script changes to that language.
- A message in Latin letters changes the language only when it is long enough (SWITCH_LETTERS
  letters in SWITCH_WORDS words, once numbers, postcodes and the gazetteer's place names are set
  aside) and identified with at least SWITCH_CONFIDENCE; "ok", "no", numbers, registrations and
  place names never change it. Moving away from a language also takes a word the new language's
  files use and the current one's do not: make names and plate letters ("blue astra acz") are in
  no language, whatever fastText makes of them.
- The first message of a conversation may be shorter: a phrase only one language knows
  ("hola", "merci") or an identification at FIRST_CONFIDENCE sets the language.
- Telegram's `language_code` is a hint only: used when the conversation has no language yet and
  the text says nothing clear either way; never over the text.
"""

from __future__ import annotations

import functools
import unicodedata

from reading import regex
from reading.language import ENGLISH, LANGUAGES, OTHER_LANGUAGES, known_language
from reading.language.asking import asks_for_english
from reading.language.data import known_words, language_file, strings
from reading.language.identify import Guess, identify, phrase_language, script_language
from reading.language.text import has_han, normalise
from reading.places import canonical_names
from reading.references import without_references

SWITCH_WORDS = 3
SWITCH_LETTERS = 12
SWITCH_CONFIDENCE = 0.8
FIRST_CONFIDENCE = 0.85
# Said the same way in many languages: they never tell which language a conversation is in.
NEUTRAL_WORDS = frozenset({"ok", "okay", "no", "taxi", "police", "hotel"})
_POSTCODE = regex.compile(r"\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b")
_NUMBER_WORD = regex.compile(r"\b\S*\d\S*\b")
_REGISTRATION = regex.compile(r"\b[a-z]{1,3}\d{1,4} ?[a-z]{1,3}\b")
_PLATE = regex.compile(r"\b[a-z]{2}\d{2} ?[a-z]{3}\b")
_NUMBER = regex.compile(r"\b\d[\d.,:/]*\b")
_ENGLISH_PLEASE = (
    "english",
    "english please",
    "in english",
    "in english please",
    "speak english",
    "can you speak english",
    "answer in english",
    "switch to english",
)
# The name of English in each language, as a word of a request ("en inglés", "po angielsku").
_ENGLISH_NAMES = frozenset(
    "english eng inglés ingles anglais inglese inglês engleza engleză angielsku angielski ingilizce "
    "الإنجليزية الانجليزية الانكليزية انجليزي إنجليزي بالإنجليزية بالانجليزي بالانجليزية "
    "ইংরেজি ইংরেজিতে engraji ingreji ingriji".split()
)
# Words that, around the name of English, still only ask for it (in any of the languages).
_REQUEST_WORDS = frozenset(
    "please pls plz plees can could would you we i do speak talk write answer reply respond use in "
    "only switch change to back go let lets us me want prefer rather language the it this sorry ok "
    "por favor hable habla hablar háblame hablame puede puedes podemos en quiero prefiero cambiar a "
    "s il vous plait plaît parlez parle parler pouvez peux je voudrais préfère prefere passer "
    "per favore parla parli parlare puoi può possiamo vorrei preferisco "
    "fale falar pode podemos prefiro em "
    "te rog vorbiti vorbeste vorbiți vorbește puteti puteți in limba vreau "
    "prosze proszę po mow mów mowic mówić mozesz możesz mozemy możemy chce chcę "
    "lutfen lütfen konus konuş konusun konuşun konusabilir konuşabilir misin musun miyiz dilinde "
    "من فضلك لو سمحت تكلم تحدث اتكلم ممكن باللغة".split()
)


@functools.lru_cache(maxsize=1)
def _requests() -> dict[str, str]:
    """Normalised request -> language: "English please" in every language, each language's own name."""
    requests = {normalise(p): ENGLISH for p in _ENGLISH_PLEASE}
    for code in OTHER_LANGUAGES:
        answers = language_file(code, "form_answers")
        requests.update({normalise(p): ENGLISH for p in strings(answers.get("english_please"))})
        name = normalise(language_file(code, "responses").get("_language_name"))
        if name:
            for form in (name, f"{name} please", f"en {name}", f"in {name}", f"{name} por favor"):
                requests.setdefault(form, code)
    return requests


@functools.lru_cache(maxsize=64)  # read by the language gate and the language choice of one parse
def requested_language(text: str | None) -> str | None:
    """The language the whole message asks for ("English please", "Français"), or None."""
    words = normalise(text)
    asked = _requests().get(words)
    if asked:
        return asked
    return ENGLISH if _asks_for_english(words) or asks_for_english(text) else None


@functools.lru_cache(maxsize=1)
def _request_words() -> frozenset[str]:
    """_REQUEST_WORDS and every word of the languages' own ways of asking for English."""
    found = {
        w
        for code in OTHER_LANGUAGES
        for p in strings(language_file(code, "form_answers").get("english_please"))
        for w in normalise(p).split()
    }
    return frozenset({normalise(w) for w in _REQUEST_WORDS} | found)


def _asks_for_english(words: str) -> bool:
    """A short message that names English and otherwise only asks ("speak english pls")."""
    if has_han(words):
        return False  # Chinese requests are read by reading.language.asking
    tokens = words.split()
    names = {normalise(n) for n in _ENGLISH_NAMES}
    return (
        0 < len(tokens) <= 7
        and any(t in names for t in tokens)
        and all(t in names or t in _request_words() for t in tokens)
    )


@functools.lru_cache(maxsize=1)
def _place_pattern() -> regex.Pattern:
    names = sorted({normalise(n) for n in canonical_names()} - {""}, key=len, reverse=True)
    return regex.compile("|".join(f"\\b{regex.escape(n)}\\b" for n in names) or "$^")


def language_words(text: str | None) -> str:
    """The message without numbers, postcodes, registrations, report references and place names:
    what says its language."""
    words = without_references(normalise(text))
    words = _REGISTRATION.sub(" ", _POSTCODE.sub(" ", words))
    words = _place_pattern().sub(" ", words)
    return " ".join(_NUMBER_WORD.sub(" ", words).split())


def written_words(text: str | None) -> str:
    """The message as written (lower case, accents kept: "să", "ç", "ı" tell languages apart)
    without numbers, postcodes, registrations and place names, for identifying its language."""
    words = " ".join(
        unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text or "").casefold()).split()
    )
    words = _PLATE.sub(" ", _POSTCODE.sub(" ", without_references(words)))
    words = _written_place_pattern().sub(" ", words)
    # Only numbers alone: digits in words are letters in Arabic typed in Latin ("3am", "d5an").
    return " ".join(_NUMBER.sub(" ", words).split())


@functools.lru_cache(maxsize=1)
def _written_place_pattern() -> regex.Pattern:
    """The gazetteer's names as written: spaces or punctuation between their words ("king's cross")."""
    names = sorted({normalise(n) for n in canonical_names()} - {""}, key=len, reverse=True)
    joined = ["[ '’.,&/-]+".join(regex.escape(w) for w in n.split()) for n in names]
    return regex.compile("|".join(f"\\b{n}\\b" for n in joined) or "$^")


def long_enough(words: str) -> bool:
    """Enough words and letters to tell a language apart from a name or a one-word answer."""
    return len(words.split()) >= SWITCH_WORDS and sum(c.isalpha() for c in words) >= SWITCH_LETTERS


def message_language(text: str | None, current: str | None) -> Guess | None:
    """The language this message clearly is in (switching to it is allowed), or None."""
    asked = requested_language(text)
    if asked:
        return Guess(asked, 1.0)
    script = script_language(text or "")
    if script:
        return Guess(script, 1.0)
    words = language_words(text)
    if not words or words in NEUTRAL_WORDS:
        return None
    # Accents tell languages apart ("să", "ç"): what is left of the message as written, or the
    # same words unaccented when that reads more surely.
    guess = (
        identify(text) if words == normalise(text) else _surer(identify(written_words(text)), identify(words))
    )
    if long_enough(words) and guess.confidence >= SWITCH_CONFIDENCE and _has_own_word(words, guess, current):
        return guess
    if current is None and (phrase_language(words) or guess.confidence >= FIRST_CONFIDENCE):
        return guess
    return None


def _surer(first: Guess, second: Guess) -> Guess:
    return second if second.confidence > first.confidence else first


def _has_own_word(words: str, guess: Guess, current: str | None) -> bool:
    """Whether a word of the message is the guessed language's and not the current one's."""
    if current is None or guess.language == current:
        return True
    own = known_words(guess.language) - known_words(current)
    return any(word in own for word in words.split())


def conversation_language(text: str | None, current: str | None, hint: str | None = None) -> str:
    """The language to answer in after this message.

    `current`: the conversation's language so far (None: nothing decided yet).
    `hint`: the front end's idea (Telegram's `language_code`), used only when the text is unclear.
    """
    current = known_language(current)
    clear = message_language(text, current)
    if clear is not None:
        return clear.language
    if current is not None:
        return current
    hinted = known_language(hint)
    return hinted if hinted in LANGUAGES else ENGLISH
