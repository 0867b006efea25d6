"""Something thrown (over a wall, into a garden, at the guards) that smokes, hisses or fizzes is a
suspect item now (999 first), as a bag would be; something thrown with nothing odd about it is not.

"someone just threw something over the wall and it's smoking" is a danger even as the answer to
"When did you see it?": 999 comes before the next question.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "oh god someone just threw something over the wall and it's smoking",
        "a man threw an object at the gate and it is hissing",
        "somebody lobbed an object into the embassy garden and now it's hissing",
        "someone chucked a bottle at the guards and it is fizzing",
        "a guy tossed a small box under the barrier, there's smoke coming out of it",
    ],
)
def test_a_thrown_thing_that_smokes_or_hisses_fires(detector, text):
    assert "suspect_item_now" in detector.detect(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "a kid threw a ball over the wall",
        "he was smoking and threw his lighter in the bin",
        "someone threw something at the pigeons",
        "what should I do if someone throws something over the fence?",
    ],
)
def test_a_thrown_thing_with_nothing_odd_does_not(detector, text):
    assert not detector.detect(text).fired
