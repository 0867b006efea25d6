"""The danger detector with the conversation's context: a bag already talked about, then "now it's beeping"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "ok now its making a beeping noise",
        "its still beeping",
        "it started ticking",
        "there are wires coming out",
    ],
)
def test_an_anomaly_about_the_bag_already_talked_about_fires(detector, text):
    assert detector.detect(text, item_in_play=True).reasons == ("suspect_item_now",)


@pytest.mark.parametrize(
    "text", ["ok now its making a beeping noise", "its still beeping", "it started ticking"]
)
def test_the_same_words_alone_do_not(detector, text):
    assert not detector.detect(text).fired


@pytest.mark.parametrize(
    "text",
    ["a guy smoking, hood up", "it was beeping yesterday", "there are no wires on it", "is it ticking?"],
)
def test_a_person_smoking_the_past_a_negation_or_a_question_do_not_fire(detector, text):
    assert not detector.detect(text, item_in_play=True).fired


def test_items_are_recognised_for_the_context(detector):
    assert detector.mentions_item("someone left a holdall under the bench")
    assert not detector.mentions_item("a man was filming the gate")
    assert not detector.mentions_item(None)
