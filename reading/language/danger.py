"""Emergency cues in each of the assistant's other languages (languages/<code>/danger.yml).

Each language lists cues by kind (weapons, attacks, explosions, fire, suspicious items, someone
hurt) and words that say it is happening now, plus `not_emergency` phrases (the past, figures of
speech: "ayer vi…", "esa canción es una bomba"). `together` lists cues made of words that are
harmless alone and alarming side by side, each `{kind, all: [[words], [words], …]}`: it holds when
the message has a word of every list (a bag and a beep; a van and the people on the pavement).
A message fires when it holds a cue of a danger kind, unless it holds a not-emergency phrase and
nothing saying it is happening now. English keeps its own detector (reading/danger).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reading.language import OTHER_LANGUAGES
from reading.language.data import language_file, strings
from reading.language.phrases import PhraseList

DANGER_KINDS = ("weapons", "attacks", "explosions", "fire", "suspicious_items", "hurt")
NOW = "happening_now"
NOT_EMERGENCY = "not_emergency"
TOGETHER = "together"


@dataclass(frozen=True)
class LanguageDanger:
    """One language's verdict: fired, and which kinds (labels, never text)."""

    language: str
    fired: bool
    kinds: tuple[str, ...] = ()


class LanguageDangerCues:
    """One language's cue lists, compiled once."""

    def __init__(self, language: str) -> None:
        data = language_file(language, "danger")
        self.language = language
        self._kinds = {kind: PhraseList(strings(data.get(kind)), language) for kind in DANGER_KINDS}
        self._now = PhraseList(strings(data.get(NOW)), language)
        self._not = PhraseList(strings(data.get(NOT_EMERGENCY)), language)
        self._together = [
            combined for entry in data.get(TOGETHER) or [] if (combined := _combined(entry, language))
        ]

    def __bool__(self) -> bool:
        return any(self._kinds.values())

    def _holds(self, kind: str, text: str | None) -> bool:
        if self._kinds[kind].search(text):
            return True
        return any(
            combined_kind == kind and all(words.search(text) for words in lists)
            for combined_kind, lists in self._together
        )

    def detect(self, text: str | None) -> LanguageDanger:
        """Whether this message, read in this language, needs the 999 answer first."""
        kinds = tuple(kind for kind in DANGER_KINDS if self._holds(kind, text))
        if not kinds:
            return LanguageDanger(self.language, False)
        if self._not.search(text) and not self._now.search(text):
            return LanguageDanger(self.language, False, kinds)
        return LanguageDanger(self.language, True, kinds)


def _combined(entry: Any, language: str) -> tuple[str, list[PhraseList]] | None:
    """One `together` entry as (kind, word lists); None when it is not a well-formed entry."""
    if not isinstance(entry, dict) or entry.get("kind") not in DANGER_KINDS:
        return None
    lists = [PhraseList(strings(words), language) for words in entry.get("all") or []]
    return (str(entry["kind"]), lists) if len(lists) >= 2 and all(lists) else None


@functools.cache
def cues_for(language: str) -> LanguageDangerCues | None:
    """The language's cues, or None when it has no danger file."""
    cues = LanguageDangerCues(language)
    return cues if cues else None


def detect_in_languages(
    text: str | None, first: tuple[str, ...] = (), everywhere: bool = True
) -> LanguageDanger | None:
    """The first language (those in `first`, then the rest) whose cues fire on `text`, or None.

    `everywhere`: every language is tried, so an emergency is seen even when the message is too
    short for its language to be identified; `first` (the message's and the conversation's
    languages) decides which language answers when several fire. When the message's language is
    known surely, only `first` is tried (Polish "bomba" is not an emergency in a Spanish figure of speech).
    """
    order = [code for code in first if code in OTHER_LANGUAGES]
    if everywhere:
        order += [code for code in OTHER_LANGUAGES if code not in order]
    for code in order:
        cues = cues_for(code)
        if cues is not None:
            verdict = cues.detect(text)
            if verdict.fired:
                return verdict
    return None
