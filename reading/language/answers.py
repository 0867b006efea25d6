"""The report form's common answers in the other languages, as the English words the form reads.

A whole message that is one of a language's form answers (languages/<code>/form_answers.yml:
"sí", "no sé", "enviar", "cancelar", …) is read as the English answer it means, so the form's
grammar (reading/form) decides what it does. Only whole messages: anything longer is the
person's own text, stored as written. The `stop` answers end the follow-up questions of a check on
a report (docs/followup.md), whatever the conversation's language.
"""

from __future__ import annotations

import functools

from reading.language import ENGLISH, OTHER_LANGUAGES, known_language
from reading.language.data import language_file, strings
from reading.language.text import normalise

# form_answers.yml key -> the English answer the form's grammar reads.
ENGLISH_ANSWERS = {
    "yes": "yes",
    "no": "no",
    "skip": "skip",
    "dont_know": "i dont know",
    "anonymous": "i want to stay anonymous",
    "send": "send",
    "cancel": "cancel",
    "change": "change an answer",
    "correct": "change an answer",
    "english_please": "english please",
}


@functools.cache
def _answers(language: str) -> dict[str, str]:
    data = language_file(language, "form_answers")
    answers: dict[str, str] = {}
    for key, english in ENGLISH_ANSWERS.items():
        for phrase in strings(data.get(key)):
            answers.setdefault(normalise(phrase), english)
    return answers


def english_form_answer(text: str | None, language: str | None) -> str | None:
    """The English answer this whole message means in `language`, or None (it is the person's text)."""
    code = known_language(language)
    if code is None or code == ENGLISH:
        return None
    return _answers(code).get(normalise(text))


@functools.lru_cache(maxsize=1)
def _stop_phrases() -> frozenset[str]:
    return frozenset(
        normalise(phrase)
        for code in OTHER_LANGUAGES
        for phrase in strings(language_file(code, "form_answers").get("stop"))
    )


def asks_to_stop(text: str | None) -> bool:
    """The whole message asks, in one of the other languages, to stop the follow-up questions."""
    return normalise(text) in _stop_phrases()
