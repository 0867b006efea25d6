"""The domain's responses in another language, from `languages/<code>/responses.yml`.

A translated response keeps the English one's button payloads and takes the translated text and
button titles (same order); its placeholders are filled from the contacts like the English ones.
A response with no translation, or whose translation lacks a value the English one gives (a
translation older than the English), is the English one introduced, in the language, by "I can answer
this in English:" (the file's `_answer_in_english`). servator/rasa_runtime/nlg.py renders with these tables;
`render_in` renders one response outside Rasa (the Telegram bot's follow-up messages).
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from reading.language import ENGLISH, known_language
from reading.language.data import language_file
from servator.config.responses import PLACEHOLDER, domain_responses, fill_variation

INTRO_KEY = "_answer_in_english"
# Translations of the variation without a condition, for responses whose first variation has one.
UNCONDITIONAL_KEY = "_unconditional"
Variation = dict[str, Any]


def _entry(table: Any, name: str) -> dict[str, Any] | None:
    entry = table.get(name) if isinstance(table, dict) else None
    return entry if isinstance(entry, dict) and isinstance(entry.get("text"), str) else None


def translation(language: str, name: str, conditional: bool = True) -> dict[str, Any] | None:
    """The file's entry for one response: {text, buttons: [titles]}, or None.

    `conditional` False: the translation of the variation without a condition, where the file
    gives one apart (`_unconditional`), else the response's own entry.
    """
    table = language_file(language, "responses")
    own = _entry(table, name)
    return own if conditional else _entry(table.get(UNCONDITIONAL_KEY), name) or own


def _same_placeholders(english: Variation, entry: dict[str, Any]) -> bool:
    return sorted(PLACEHOLDER.findall(str(english.get("text") or ""))) == sorted(
        PLACEHOLDER.findall(entry["text"])
    )


def _translated(english: Variation, entry: dict[str, Any]) -> Variation:
    variation = copy.deepcopy(english)
    variation["text"] = entry["text"].strip()
    titles = [str(t) for t in entry.get("buttons") or []]
    buttons = variation.get("buttons") or []
    if len(titles) == len(buttons):
        variation["buttons"] = [{**b, "title": t} for b, t in zip(buttons, titles)]
    return variation


def _introduced(english: Variation, intro: str) -> Variation:
    variation = copy.deepcopy(english)
    if variation.get("text"):
        variation["text"] = f"{intro}\n{variation['text']}"
    return variation


def localise(responses: dict[str, list[Variation]], language: str) -> dict[str, list[Variation]]:
    """Every response of `responses` (the domain's, English) as said in `language`."""
    intro = str(language_file(language, "responses").get(INTRO_KEY) or "").strip()
    localised: dict[str, list[Variation]] = {}
    for name, variations in responses.items():
        entry = translation(language, name)
        pairs = [
            (v, entry if v.get("condition") else translation(language, name, False) or entry)
            for v in variations
        ]
        if entry is not None and variations and all(_same_placeholders(v, e) for v, e in pairs if e):
            localised[name] = [_translated(v, e) for v, e in pairs if e]
        elif intro:
            localised[name] = [_introduced(v, intro) for v in variations]
        else:
            localised[name] = variations
    return localised


@functools.cache
def has_translations(language: str) -> bool:
    """The language has a responses file."""
    return bool(language_file(language, "responses"))


def response_language(value: object) -> str:
    """The language to render in: a language with translations, else English."""
    code = known_language(value)
    return code if code and code != ENGLISH and has_translations(code) else ENGLISH


def render_in(language: object, name: str, **values: Any) -> dict[str, Any]:
    """The first variation of a domain response in `language` (English when it has no table), filled."""
    english = {name: domain_responses()[name]}
    return fill_variation(localise(english, response_language(language))[name][0], **values)
