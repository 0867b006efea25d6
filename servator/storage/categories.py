"""The behaviour categories a report is filed under: stored codes and the words people read.

One table for every place that shows a category: the report's summary in the chat (actions), the
officer dashboard's queue, filters, map and trends. Also the words for an answer a person did not
give: the database keeps NULL, and only what people read says "not given".
"""

from __future__ import annotations

NOT_GIVEN = "not given"
CATEGORY_LABELS: dict[str, str] = {
    "surveillance": "Filming, photographing or watching",
    "eliciting_information": "Asking unusual questions",
    "testing_security": "Testing security",
    "unattended_item": "Unattended item",
    "acquiring_materials": "Buying or collecting materials",
    "expressed_threat": "Threats",
    "other": "Something else",
}


def category_label(code: str | None) -> str:
    """The words for a stored category ("testing_security" -> "Testing security"); an unknown code
    is shown as words rather than hidden."""
    if not code:
        return "Not given"
    return CATEGORY_LABELS.get(code) or code.replace("_", " ").capitalize()


def answer_shown(answer: str | None) -> str:
    """A person's answer as people read it: the answer, or "not given" when there is none."""
    return answer if answer and answer.strip() else NOT_GIVEN
