"""The danger detector the tests of reading/danger share: one per test module."""

from __future__ import annotations

import pytest

from reading.danger import DangerDetector


@pytest.fixture(scope="module")
def detector() -> DangerDetector:
    return DangerDetector()
