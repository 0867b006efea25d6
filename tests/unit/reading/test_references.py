"""Report references: what storage makes is what the shared pattern reads, and never repeats."""

from __future__ import annotations

from reading.references import (
    REFERENCE_ALPHABET,
    REFERENCE_PATTERN,
    gives_reference_and_code,
    without_references,
)
from servator.storage import new_reference


def test_references_are_random_and_use_the_readable_alphabet():
    references = {new_reference() for _ in range(300)}
    assert len(references) == 300
    assert all(REFERENCE_PATTERN.fullmatch(reference) for reference in references)
    assert not set("01IO") & set(REFERENCE_ALPHABET), "no characters misread over the phone"
    assert not REFERENCE_PATTERN.fullmatch("SRV-20260101-ABCD1O")


def test_a_reference_and_a_code_pasted_together_are_found_in_any_case():
    assert gives_reference_and_code("checking on srv-20261114-kp7r2q, code 3hxt-9wqd-m2lc-7bna")
    assert not gives_reference_and_code("SRV-20261114-KP7R2Q")
    assert not gives_reference_and_code("3HXT-9WQD-M2LC-7BNA")


def test_references_and_codes_are_taken_out_of_text():
    assert without_references("ref srv-20261114-kp7r2q code 3hxt-9wqd-m2lc-7bna thanks").split() == [
        "ref",
        "code",
        "thanks",
    ]
