"""The blind set's field scoring: a field is right when it says what the annotation says."""

from __future__ import annotations

from reading.account import Account
from tools.blind_eval import field_correct


def test_a_direction_is_scored_on_where_to_not_on_the_moving_verb():
    assert field_correct("direction", "rode off east", Account(direction="east"))
    assert field_correct("direction", "walking to Hyde Park", Account(direction="to Hyde Park"))
    assert not field_correct("direction", "rode off east", Account(direction="towards Park Lane"))


def test_a_location_of_small_words_only_is_scored_on_the_words():
    assert field_correct("location", "outside", Account(location="outside"))
    assert not field_correct("location", "outside", Account(location=None))


def test_a_location_needs_half_the_words_said():
    assert field_correct(
        "location", "the side door of the consulate", Account(location="the consulate side door")
    )
    assert not field_correct("location", "the side door of the consulate", Account(location="the road"))
