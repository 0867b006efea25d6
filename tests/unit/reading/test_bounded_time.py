"""Every reader of a person's text answers in bounded time on hostile text (2,000 characters at most).

Hypothesis builds messages out of the grammars' own words, repeated hundreds of times with a
near-miss at the end (the shape that makes backtracking patterns take exponential time), plus
random text; each call must take under 50 ms of CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from reading import contacts, entities, railway, when
from reading.account import places as account_places
from reading.account import read_account
from reading.account import times as account_times
from reading.danger import DangerDetector
from reading.danger import rules as danger_rules
from reading.form import corrections, grammar, status, text, values
from reading.places import lookup
from servator import payloads
from tests.support.adversarial_text import LIMIT_SECONDS, cpu_seconds, hostile_texts, phrases

# The grammars' words, and the danger detector's phrases (its patterns are spaCy's, not regexes).
WORDS = phrases(
    [
        text,
        values,
        corrections,
        status,
        grammar,
        when,
        entities,
        railway,
        contacts,
        account_places,
        account_times,
    ]
) + sorted({phrase.lower() for found in danger_rules.PHRASES.values() for phrase in found})
DETECTOR = DangerDetector()
NOW = datetime.fromisoformat("2026-12-06T12:00:00+00:00")
FORM_SLOTS = sorted(grammar.FORM_SLOTS)


def _form_intent(message: str, slot: str) -> str | None:
    return grammar.form_intent(message, slot, "inform", 0.99, after_999=True)


READERS: dict[str, Callable[[str], Any]] = {
    **{f"form_intent@{slot}": partial(_form_intent, slot=slot) for slot in FORM_SLOTS},
    "is_cancel": grammar.is_cancel,
    "is_help": grammar.is_help,
    "confirms": values.confirms,
    "sends": values.sends,
    "yes_no": lambda t: [values.yes_no(t, slot) for slot in ("", "report_ongoing", "report_contact_consent")],
    "category": values.category,
    "is_skip": values.is_skip,
    "change_request": corrections.change_request,
    "correction": partial(corrections.correction, at_summary=True),
    "addition": corrections.addition,
    "is_status_update": status.is_status_update,
    "is_question": text.is_question,
    "read_when": partial(when.read_when, now=NOW),
    "names_a_place": when.names_a_place,
    "extract_entities": entities.extract_entities,
    "normalise_registration": entities.normalise_registration,
    "mentions_railway": railway.mentions_railway,
    "find_contact": contacts.find_contact,
    "place_lookup": lookup,
    "danger": DETECTOR.detect,
    "danger_item_in_play": partial(DETECTOR.detect, item_in_play=True),
    "accepted_message": payloads.accepted_message,
    "read_account": partial(read_account, now=NOW),
    "infer_category": values.infer_category,
}


def test_the_words_come_from_the_grammars_and_the_detector() -> None:
    """The generator really uses the grammars' alternatives and the detector's phrases."""
    assert {"all", "good", "send", "looks", "cancel", "yesterday", "thats"} <= set(WORDS)
    assert {"knife", "left"} <= {word for phrase in WORDS for word in phrase.split()}


@pytest.mark.parametrize("name", sorted(READERS))
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(message=hostile_texts(WORDS))
def test_every_reader_is_fast_on_hostile_text(name: str, message: str) -> None:
    reader = READERS[name]
    reader(message)  # first call: lazy loading (spaCy pipelines, dateparser's data) is not the text's cost
    assert cpu_seconds(reader, message) < LIMIT_SECONDS, f"{name} took too long on {message[:80]!r}..."


@pytest.mark.parametrize("name", sorted(READERS))
def test_the_known_blow_up_is_gone(name: str) -> None:
    """ "all good " repeated, then "x": the confirmation grammar took minutes on 34 repeats."""
    message = "all good " * 220 + "x"
    READERS[name](message)
    assert cpu_seconds(READERS[name], message) < LIMIT_SECONDS
