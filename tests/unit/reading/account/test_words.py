"""The account reader's word lists: a description ends where the next thing done begins, a later
clause can describe someone, and a time long ago is not happening now."""

from __future__ import annotations

from datetime import datetime, timedelta

from reading.account.words import clause_end, later_detail, long_ago
from reading.entities import pipeline
from reading.london import LONDON

NOW = datetime(2026, 12, 6, 16, 0, tzinfo=LONDON)


def test_a_clause_ends_at_punctuation():
    doc = pipeline().make_doc("a man in a grey hoodie, filming the gate")
    assert doc[: clause_end(doc, 0)].text == "a man in a grey hoodie"


def test_a_later_clause_that_describes_someone_is_found():
    doc = pipeline().make_doc("two men took photos of the gate. one had a red cap")
    attributes = {token.i for token in doc if token.lower_ in ("red", "cap")}
    assert later_detail(doc, attributes) == "one had a red cap"
    assert later_detail(pipeline().make_doc("two men took photos of the gate"), set()) is None


def test_long_ago_is_more_than_the_limit_before_now():
    assert long_ago((NOW - timedelta(days=2)).isoformat(), NOW)
    assert not long_ago((NOW - timedelta(minutes=5)).isoformat(), NOW)
