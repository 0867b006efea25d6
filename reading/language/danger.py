"""Emergency cues in each of the assistant's other languages (languages/<code>/danger.yml).

Each language lists cues by kind (weapons, attacks, explosions, fire, suspicious items, someone
hurt) and words that say it is happening now, plus `not_emergency` phrases (the past, figures of
speech: "ayer vi…", "esa canción es una bomba"). A message fires when it holds a cue of a danger
kind, unless it holds a not-emergency phrase and nothing saying it is happening now. English
keeps its own detector (reading/danger).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reading.language import OTHER_LANGUAGES
from reading.language.data import language_file, strings
from reading.language.phrases import PhraseList

DANGER_KINDS = ("weapons", "attacks", "explosions", "fire", "suspicious_items", "hurt")
NOW = "happening_now"
NOT_EMERGENCY = "not_emergency"


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

    def __bool__(self) -> bool:
        return any(self._kinds.values())

    def detect(self, text: str | None) -> LanguageDanger:
        """Whether this message, read in this language, needs the 999 answer first."""
        kinds = tuple(kind for kind, cues in self._kinds.items() if cues.search(text))
        if not kinds:
            return LanguageDanger(self.language, False)
        if self._not.search(text) and not self._now.search(text):
            return LanguageDanger(self.language, False, kinds)
        return LanguageDanger(self.language, True, kinds)


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
