"""Officer commands read a reference argument the way references are made (servator.storage)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.officers import _reference_argument


def argument(args: list[str] | None) -> Any:
    return _reference_argument(SimpleNamespace(args=args))  # type: ignore[arg-type]  # a stand-in context


def test_a_reference_is_read_whatever_its_case():
    assert argument([" srv-20261125-abcdef "]) == "SRV-20261125-ABCDEF"


@pytest.mark.parametrize(
    "text", ["SRV-20261125-ABCDE0", "SRV-20261125-OOOOOO", "SRV-20261125-11IIII", "", "hello"]
)
def test_characters_a_reference_never_holds_are_refused(text):
    assert argument([text]) is None


def test_no_argument_is_no_reference():
    assert argument(None) is None
