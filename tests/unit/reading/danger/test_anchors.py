"""The words a danger cannot fire without: a message with none of them is not read at all, so every
message that fires must hold one."""

from __future__ import annotations

from reading.danger import DangerDetector
from reading.danger.anchors import anchor_words, necessary_words, trigger_words


def test_the_most_selective_required_word_set_gates_a_pattern():
    pattern = [
        {"LOWER": {"IN": ["a", "the", "knife"]}},
        {"LOWER": {"IN": ["gun", "rifle"]}},
        {"LOWER": {"IN": ["machete"]}, "OP": "?"},
    ]
    assert necessary_words(pattern) == frozenset({"gun", "rifle"}), "no common word, then fewest"
    assert necessary_words([{"IS_DIGIT": True}]) == frozenset()
    assert anchor_words([pattern, [{"LOWER": "bomb"}]]) == frozenset({"gun", "rifle", "bomb"})
    assert anchor_words([pattern, [{"IS_DIGIT": True}]]) == frozenset(), "one pattern cannot be gated"


def test_every_message_that_fires_holds_a_trigger_word():
    triggers = trigger_words()
    assert {"knife", "gun", "fire"} <= triggers
    detector = DangerDetector()
    for message in (
        "a man is stabbing people outside the embassy right now",
        "someone is pouring petrol on the doorstep with a lighter",
        "there's a fight kicking off in the lobby",
    ):
        assert detector.detect(message).fired, message
        assert triggers & set(message.split()), message
