"""Emergency cues in each of the assistant's other languages (languages/<code>/danger.yml).

Each language lists cues by kind (weapons, attacks, explosions, fire, suspicious items, someone
hurt) and words that say it is happening now, plus `not_emergency` phrases (the past, figures of
speech: "ayer vi…", "esa canción es una bomba"), and `not_now` phrases whose word for now is about
the person or the report, not the danger ("ahora estoy bien", "şimdi nereye bildireyim"): the past
with one of them stays the past. `together` lists cues made of words that are
harmless alone and alarming side by side, each `{kind, all: [[words], [words], …]}`: it holds when
the message has a word of every list (a bag and a beep; a van and the people on the pavement).
A message fires when it holds a cue of a danger kind, unless it holds a not-emergency phrase and
nothing saying it is happening now, or says it is over (`all_clear`: "ya no pasa nada", "现在没事了",
whose "now" does not make it an emergency), or is about something not happening here (`elsewhere`:
the news, a film, a recipe, a question about armed police, a figure of speech; "now" does not
change them either; languages/danger.yml lists the names every language shares: video games).
English keeps its own detector (reading/danger).

Safety does not hang on identifying the language, which fails on short unaccented messages
(Romanian "aud impuscaturi langa ambasada" looks English to fastText): every language's cues are
read, the conversation's and the message's first. A message that reads as calm in one of those
(the past, a figure of speech) is left to them alone. A message identified surely (English: fairly
surely) is read in the other languages without their cues that are words of its own language too
(French "armé" in English "armed", Romanian "mort" in "mortgage", Spanish "arma" in Portuguese
"armário", Portuguese "sangue" in Italian "analisi del sangue").

A harmless reading also answers for words of other languages: a message surely in one language
that sees the danger itself and reads it as calm, saying nothing of now, is no emergency because
of an English danger word it borrows (a French "film d'action avec des explosions",
`english_word_explained`);
and when no language is sure, a language that sees the same kinds of danger and explains them
away (Romanian "prajitura aia e bomba") answers for the others' readings of them (Bengali
"bomba"). Every language's real emergencies keep their cues (tests/unit/reading/language).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reading import regex
from reading.language import ENGLISH, OTHER_LANGUAGES
from reading.language.data import known_words, language_file, shared_file, strings
from reading.language.phrases import STEM_LETTERS, PhraseList
from reading.language.text import normalise
from reading.london import london_now

DANGER_KINDS = ("weapons", "attacks", "explosions", "fire", "suspicious_items", "hurt")
NOW = "happening_now"
NOT_EMERGENCY = "not_emergency"
NOT_NOW = "not_now"
ALL_CLEAR = "all_clear"
ELSEWHERE = "elsewhere"
TOGETHER = "together"
# A message identified at least this surely (English: ENGLISH_MESSAGE) is read in the other
# languages without their cues that are words of its own language.
SURE_LANGUAGE = 0.8
ENGLISH_MESSAGE = 0.6


@dataclass(frozen=True)
class LanguageDanger:
    """One language's verdict: fired, and which kinds (labels, never text)."""

    language: str
    fired: bool
    kinds: tuple[str, ...] = ()


class LanguageDangerCues:
    """One language's cue lists, compiled once."""

    def __init__(
        self, language: str, read_in: str | None = None, whole: LanguageDangerCues | None = None
    ) -> None:
        """`read_in`: another language the message is in; cues whose every word it uses are left out.
        `whole`: the language's cues with none left out, whose pattern of every cue serves these too."""
        data = language_file(language, "danger")
        stems = _stems(read_in) if read_in and read_in != language else frozenset()

        every_cue: list[str] = []

        def phrases(value: Any) -> PhraseList:
            kept = [p for p in strings(value) if _foreign(p, stems)]
            every_cue.extend(kept)
            return PhraseList(kept, language)

        self.language = language
        self._kinds = {kind: phrases(data.get(kind)) for kind in DANGER_KINDS}
        self._now = PhraseList(strings(data.get(NOW)), language)
        self._not = PhraseList(strings(data.get(NOT_EMERGENCY)), language)
        self._not_now = PhraseList(strings(data.get(NOT_NOW)), language)
        shared = strings(shared_file("danger").get(ELSEWHERE))
        self._over = PhraseList(
            strings(data.get(ALL_CLEAR)) + strings(data.get(ELSEWHERE)) + shared, language
        )
        self._together = [
            combined for entry in data.get(TOGETHER) or [] if (combined := _combined(entry, phrases))
        ]
        # Every cue of every kind (and every word of the `together` lists) in one pattern: most
        # messages hold none, and one search then answers for the dozens a kind at a time takes.
        # Cues with some left out are a part of the whole language's, whose pattern then does.
        self._any_cue: PhraseList = whole._any_cue if whole is not None else PhraseList(every_cue, language)

    def __bool__(self) -> bool:
        return any(self._kinds.values())

    def _holds(self, kind: str, text: str | None) -> bool:
        if self._kinds[kind].search(text):
            return True
        return any(
            combined_kind == kind and all(words.search(text) for words in lists)
            for combined_kind, lists in self._together
        )

    def now(self, text: str | None) -> bool:
        """The message says, in this language, that it is happening now: a word for now outside
        the phrases whose "now" is about the person or the report ("now I'm fine", "where do I
        report it now"), which leave a message about the past in the past."""
        return self._now.search(self._not_now.remove(text) if self._not_now else text)

    def calm(self, text: str | None) -> bool:
        """The message says, in this language, that it is over or elsewhere, or the past or a figure of speech and not now."""
        return self._over.search(text) or (
            (self._not.search(text) or _names_a_past_year(text)) and not self.now(text)
        )

    def detect(self, text: str | None) -> LanguageDanger:
        """Whether this message, read in this language, needs the 999 answer first."""
        if not self._any_cue.search(text):
            return LanguageDanger(self.language, False)
        kinds = tuple(kind for kind in DANGER_KINDS if self._holds(kind, text))
        if not kinds:
            return LanguageDanger(self.language, False)
        return LanguageDanger(self.language, not self.calm(text), kinds)


# A year said as four digits: the Blitz in 1940, the fire of 1666, the bombings of 2005; Arabic
# and Bengali digits read as the same digits ("١٩٤٠", "১৯৪০").
_YEAR = regex.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_DIGITS = str.maketrans({chr(zero + n): str(n) for zero in (0x660, 0x6F0, 0x9E6) for n in range(10)})


def _names_a_past_year(text: str | None) -> bool:
    """History, in any language: a year before this one, and no word saying it is happening now."""
    this_year = london_now().year
    digits = (text or "").translate(_DIGITS)
    return any(int(found.group(1)) < this_year for found in _YEAR.finditer(digits))


@functools.cache
def _stems(language: str) -> frozenset[str]:
    """A language's words and their beginnings that a cue with an ending would match ("explod", "mort")."""
    words = known_words(language)
    stems = {word[:cut] for word in words for cut in range(STEM_LETTERS, len(word)) if len(word) - cut <= 4}
    return frozenset(words | stems)


def _foreign(phrase: str, stems: frozenset[str]) -> bool:
    """The cue has a word that is not one of `stems` (every cue, when there are none)."""
    return not stems or any(word not in stems for word in normalise(phrase).split())


def _combined(entry: Any, phrases: Callable[[Any], PhraseList]) -> tuple[str, list[PhraseList]] | None:
    """One `together` entry as (kind, word lists); None when it is not a well-formed entry."""
    if not isinstance(entry, dict) or entry.get("kind") not in DANGER_KINDS:
        return None
    lists = [phrases(words) for words in entry.get("all") or []]
    return (str(entry["kind"]), lists) if len(lists) >= 2 and all(lists) else None


@functools.cache
def cues_for(language: str, read_in: str | None = None) -> LanguageDangerCues | None:
    """The language's cues (without those made of `read_in`'s words), or None when it has none."""
    if read_in is None or read_in == language:
        whole = None
    elif (whole := cues_for(language)) is None:
        return None
    cues = LanguageDangerCues(language, read_in, whole)
    return cues if cues else None


def detect_in_languages(
    text: str | None, first: tuple[str | None, ...] = (), read_in: str | None = None
) -> LanguageDanger | None:
    """The first language (those in `first`, then the rest) whose cues fire on `text`, or None.

    `first`: the conversation's and the message's languages, which decide which language answers
    when several fire; when the message is calm in one of them (the past, a figure of speech),
    the others are not read (Polish "bomba" is no emergency in "esa canción es una bomba").
    `read_in`: the language the message is surely in; other languages' cues made of its words are
    left out.
    """
    leading = tuple(dict.fromkeys(code for code in first if code in OTHER_LANGUAGES))
    calm = any((cues := cues_for(code)) is not None and cues.calm(text) for code in leading)
    order = leading if calm else leading + tuple(code for code in OTHER_LANGUAGES if code not in leading)
    for code in order:
        cues = cues_for(code, read_in)
        if cues is not None:
            verdict = cues.detect(text)
            if verdict.fired and (read_in is not None or not _explained_away(text, verdict)):
                return verdict
    return None


def _explained_away(text: str | None, verdict: LanguageDanger) -> bool:
    """Another language sees every kind of danger this verdict saw, and reads the message as calm.

    Only for a message whose language is not sure: "prajitura aia e bomba" is a Romanian figure
    of speech, not the Bengali, Italian or Spanish "bomba".
    """
    for code in OTHER_LANGUAGES:
        cues = cues_for(code)
        if code == verdict.language or cues is None:
            continue
        seen = cues.detect(text)
        if not seen.fired and seen.kinds and set(verdict.kinds) <= set(seen.kinds):
            return True
    return False


def message_danger(
    text: str | None, message_language: str, confidence: float, conversation: str | None = None
) -> LanguageDanger | None:
    """The other languages' verdict on one message, given its identified language and how sure."""
    sure = confidence >= (ENGLISH_MESSAGE if message_language == ENGLISH else SURE_LANGUAGE)
    return detect_in_languages(text, (conversation, message_language), message_language if sure else None)


# The English detector's reasons (reading/danger) as the kinds of danger the language cues name.
ENGLISH_KINDS = {
    "weapon": "weapons",
    "explosive": "explosions",
    "attack_in_progress": "attacks",
    "threat": "attacks",
    "vehicle_attack": "attacks",
    "intrusion": "attacks",
    "injury": "hurt",
    "fire": "fire",
    "suspect_item_now": "suspicious_items",
}


def english_word_explained(
    text: str | None, message_language: str, confidence: float, english_reasons: tuple[str, ...]
) -> bool:
    """The message is surely in another language, which sees every danger the English detector
    saw (`english_reasons`) itself and reads it as harmless (a film, a question about armed
    police, the past, a figure of speech), and says nothing of now: an English danger word in it
    ("bomb", "explosions") does not make it an emergency. A danger that language does not see
    ("un mec avec un gun, les policiers arrivent") is left to the English detector."""
    if message_language == ENGLISH or confidence < SURE_LANGUAGE or not english_reasons:
        return False
    cues = cues_for(message_language)
    if cues is None or cues.now(text):
        return False
    seen = cues.detect(text)
    wanted = {ENGLISH_KINDS.get(reason) for reason in english_reasons}
    return not seen.fired and None not in wanted and wanted <= set(seen.kinds)
