"""reading.danger.danger_fired: the yes-or-no the front ends ask, from one detector per process."""

from __future__ import annotations

from reading.danger import _shared_detector as shared
from reading.danger import danger_fired


def test_fires_on_danger_now_and_not_on_a_greeting():
    assert danger_fired("a man is stabbing people outside the embassy right now")
    assert not danger_fired("hello, what is project servator?")


def test_the_detector_is_built_once():
    danger_fired("hello")
    assert shared() is shared()
