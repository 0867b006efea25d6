"""The report summary's own words (not given, no vehicle, anonymous, yes/no, the category) in the conversation's language.

The person's answers are shown as written; only the words the assistant fills in are translated
(languages/summary_words.yml, and the category buttons of utter_ask_report_category).
"""

from __future__ import annotations

import functools
from typing import Any

import yaml

from actions import report_fields as fields
from reading.form.grammar import CATEGORIES
from reading.language import ENGLISH
from reading.language.data import LANGUAGES_DIR, language_file

CATEGORY_QUESTION = "utter_ask_report_category"


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    loaded: Any = yaml.safe_load((LANGUAGES_DIR / "summary_words.yml").read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


@functools.cache
def category_titles(language: str) -> dict[str, str]:
    """Category key -> the translated button title that chooses it (the buttons follow CATEGORIES)."""
    entry = language_file(language, "responses").get(CATEGORY_QUESTION) or {}
    titles = [str(title) for title in entry.get("buttons") or []]
    return dict(zip(CATEGORIES, titles)) if len(titles) == len(CATEGORIES) else {}


def summary_in_language(values: dict[str, str], category: str | None, language: str) -> dict[str, str]:
    """`values` (the English summary's) with the assistant's own words in `language`."""
    words = _words().get(language)
    if language == ENGLISH or not words:
        return values
    own = {fields.NOT_GIVEN: words.get("not_given"), "anonymous": words.get("anonymous")}
    own[fields.NO_VEHICLE] = words.get("no_vehicle")
    own |= {"yes": words.get("yes"), "no": words.get("no"), "not sure": words.get("not_sure")}
    translated = {key: own.get(value) or value for key, value in values.items()}
    title = category_titles(language).get(category or "")
    if title:
        translated["category"] = title
    return translated
