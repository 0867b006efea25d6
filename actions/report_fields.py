"""The report's fields as officers see them: labels, "not given", the fields a person may change.

What a message means (skip, yes/no, category, which field) is read by reading/form/grammar.py, the
one place that decides it for the NLU and for the form's validation alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from servator.storage import CATEGORY_LABELS
from servator.storage import NOT_GIVEN as NOT_GIVEN  # a skipped question's slot value and its words

# The vehicle answer of someone who saw none (a bare "no"): a fact, unlike NOT_GIVEN.
NO_VEHICLE = "no vehicle"

# The behaviour categories officers triage by (the keys of reading/form/values.CATEGORIES), as the summary
# shows them: the same words officers read on the dashboard.
CATEGORIES: dict[str, str] = CATEGORY_LABELS

# The answers a person may change from the summary (or while the form is going).
FIELD_SLOTS: tuple[str, ...] = (
    "report_description",
    "report_location",
    "report_when",
    "report_ongoing",
    "report_people",
    "report_vehicle",
    "report_direction",
    "report_category",
    "report_contact_consent",
)

# How the summary names each answer ("• Where: ..."), for saying which one a correction changed.
FIELD_LABELS: dict[str, str] = {
    "report_description": "What happened",
    "report_location": "Where",
    "report_when": "When",
    "report_ongoing": "Still happening / danger",
    "report_people": "People",
    "report_vehicle": "Vehicle",
    "report_direction": "Direction",
    "report_category": "Type",
    "report_contact": "Contact",
    "report_contact_consent": "Contact",
}


def looks_like_registration_attempt(text: str) -> bool:
    """A short letters-and-digits answer: someone typing a number plate, not describing a car."""
    compact = text.replace(" ", "")
    return 2 <= len(compact) <= 9 and compact.isalnum() and any(c.isdigit() for c in compact)


def entity_value(entities: Iterable[Mapping[str, Any]], name: str) -> Any | None:
    """The value of the first entity called `name` in a message's parsed entities, or None."""
    return next((entity.get("value") for entity in entities if entity.get("entity") == name), None)
