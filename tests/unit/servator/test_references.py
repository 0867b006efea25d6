"""Report references: what storage makes is what the shared pattern reads, and never repeats."""

from __future__ import annotations

from servator.references import REFERENCE_ALPHABET, REFERENCE_PATTERN
from servator.storage import new_reference


def test_references_are_random_and_use_the_readable_alphabet():
    references = {new_reference() for _ in range(300)}
    assert len(references) == 300
    assert all(REFERENCE_PATTERN.fullmatch(reference) for reference in references)
    assert not set("01IO") & set(REFERENCE_ALPHABET), "no characters misread over the phone"
    assert not REFERENCE_PATTERN.fullmatch("SRV-20260101-ABCD1O")
