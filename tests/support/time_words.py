"""The time words an account states, read at a fixed moment (tests of reading/account/times.py)."""

from __future__ import annotations

from datetime import datetime

from reading.account.times import time_words
from reading.entities import extract_entities, pipeline
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 16, 0, tzinfo=LONDON)


def when(text: str) -> str | None:
    said = time_words(pipeline().make_doc(text), extract_entities(text), NOW)
    return said.words if said is not None else None
