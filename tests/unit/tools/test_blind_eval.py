"""The blind set's field scoring: a field is right when it says what the annotation says."""

from __future__ import annotations

from reading.account import Account
from tools.blind_eval import evaluate_blind, field_correct


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


def test_each_field_read_wrong_is_listed_with_what_was_read():
    items = [
        {
            "text": "a man in a red cap filmed the gate of the embassy on Curzon Street yesterday",
            "intent": "describe_suspicious",
            "fields": {"location": "Curzon Street", "vehicle": "a blue van"},
        }
    ]
    scores = evaluate_blind(items, lambda text: {"intent": {"name": "describe_suspicious"}})
    assert [miss["field"] for miss in scores.field_misses] == ["vehicle"]
    assert scores.field_misses[0]["expected"] == "a blue van" and scores.field_misses[0]["got"] == "None"
