"""The behaviour category a description points to, from the behaviour words, in any register."""

from __future__ import annotations

import pytest

from reading.form.values import infer_category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("bloke kept walkin round the embassy lookin at the cameras, 3rd time today", "surveillance"),
        ("a man with a tripod filming the gate, he had a big backpack on", "surveillance"),
        ("she follow our staff in through the secure door without a pass", "testing_security"),
        ("two guys pulling on the side gate to see if it opened then legged it", "testing_security"),
        ("A man phoned asking for the floor plans of the residence", "eliciting_information"),
        (
            "customer paid cash for loads of drain cleaner and asked could we order more",
            "acquiring_materials",
        ),
        ("he was screaming that this place will burn and you will all pay", "expressed_threat"),
        ("there's a holdall on its own under the bench, nobody with it", "unattended_item"),
    ],
)
def test_the_behaviour_words_name_the_category(text: str, category: str) -> None:
    assert infer_category(text) == category
