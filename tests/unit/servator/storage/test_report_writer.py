"""References: the one pattern matches what new_reference makes, and nothing a reference never holds."""

from __future__ import annotations

import pytest

from servator.storage import REFERENCE_PATTERN, new_reference


def test_every_new_reference_matches_the_pattern():
    assert all(REFERENCE_PATTERN.fullmatch(new_reference()) for _ in range(500))


@pytest.mark.parametrize(
    "text",
    [
        "SRV-20261125-ABCDE0",  # 0, O, 1 and I are never used: read out over the phone
        "SRV-20261125-ABCDEO",
        "SRV-20261125-ABCDE1",
        "SRV-20261125-ABCDEI",
        "SRV-20261125-abcdef",
        "SRV-2026112-ABCDEF",
        "SRV-20261125-ABCDEFG",
    ],
)
def test_the_pattern_refuses_what_a_reference_never_is(text):
    assert REFERENCE_PATTERN.fullmatch(text) is None
