"""Caution.holds: each condition that keeps the full 999 answer, one at a time."""

from __future__ import annotations

import pytest

from nlu.caution import Caution
from reading.danger import DangerResult

CAUTION = Caution(below=0.05, min_words=10)
LONG = "a question about the explosives used in quarries for my geography homework, please"


def test_bare_words_no_now_long_and_a_sure_model_hold():
    assert CAUTION.holds(DangerResult(True, ("explosive",)), 0.01, LONG)


@pytest.mark.parametrize(
    "result, probability, text",
    [
        (DangerResult(False), 0.01, LONG),  # nothing fired
        (DangerResult(True, ("explosive",), said_now=True), 0.01, LONG),  # said to be now
        (DangerResult(True, ("explosive", "injury")), 0.01, LONG),  # someone hurt
        (DangerResult(True, ("suspect_item_now",)), 0.01, LONG),  # an item
        (DangerResult(True, ("explosive",)), 0.05, LONG),  # the model not sure enough
        (DangerResult(True, ("explosive",)), None, LONG),  # no model score (inside the form)
        (DangerResult(True, ("explosive",)), 0.01, "explosives in the quarry"),  # short
    ],
)
def test_any_condition_missing_keeps_the_full_answer(result, probability, text):
    assert not CAUTION.holds(result, probability, text)


def test_off_by_default():
    assert not Caution().holds(DangerResult(True, ("explosive",)), 0.0, LONG)
