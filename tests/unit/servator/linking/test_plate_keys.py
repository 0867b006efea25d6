"""Index keys for near-miss and partial plates, and what differs between two plates."""

from __future__ import annotations

from reading.plate_text import END, START, PartialPlate
from servator.linking.plate_keys import (
    deletion_keys,
    difference,
    fits,
    one_character_apart,
    partial_key,
    partial_keys_matching,
    stored_keys,
)


def test_plates_one_substitution_or_swap_apart_share_a_deletion_key():
    mine = set(deletion_keys("U:KX19PLM"))
    assert len(mine) == 7
    for other in ("U:KX19P1M", "U:KX19PLN", "U:KX19LPM", "U:KX91PLM"):
        assert mine & set(deletion_keys(other)), other
    assert not mine & set(deletion_keys("U:KX19ABC"))
    assert deletion_keys("X:CD 123 AB") == [], "no near misses for plates that are not UK"


def test_confusable_characters_are_told_apart_from_other_substitutions():
    misread = difference("U:KX19P1M", "U:KX19PLM")  # "KX19 PIM": I folds into 1
    assert misread is not None and misread.confusable and not misread.swap and misread.position == 5
    other = difference("U:KX19PLM", "U:KX19PWM")
    assert other is not None and not other.confusable
    swap = difference("U:KX19PLM", "U:KX19LPM")
    assert swap is not None and swap.swap and swap.position == 4
    assert difference("U:KX19PLM", "U:KX19PLM") is None
    assert difference("U:KX19PLM", "U:KX19ABC") is None
    assert difference("U:KX19PLM", "U:KX19PL") is None


def test_partial_plates_fit_whole_plates_that_start_or_end_with_them():
    start, end = PartialPlate(START, "KX19"), PartialPlate(END, "PLM")
    assert fits(start, "U:KX19PLM") and fits(end, "U:KX19PLM")
    assert not fits(start, "U:KY19PLM") and not fits(end, "U:KX19PLN")
    assert partial_key(start) in partial_keys_matching("U:KX19PLM")
    assert partial_key(end) in partial_keys_matching("U:KX19PLM")
    assert partial_key(PartialPlate(START, "KX1O")) == "P:KX10", "O and I fold as in whole plates"


def test_each_report_stores_its_deletion_keys_and_reversed_plate_or_its_partial():
    assert stored_keys("U:KX19PLM", None)[-1] == "R:MLP91XK"
    assert len(stored_keys("U:KX19PLM", None)) == 8
    assert stored_keys(None, PartialPlate(END, "PLM")) == ["S:PLM"]
    assert stored_keys(None, None) == []


def test_one_character_apart_means_one_misread_or_two_swapped_neighbours():
    assert one_character_apart("U:AB12CDE", "U:AB12CDF")
    assert one_character_apart("U:AB12CDE", "U:AB12DCE")
    assert not one_character_apart("U:AB12CDE", "U:AB12XYZ")
    assert not one_character_apart("U:AB12CDE", "U:AB12CDE1")
    mine = set(deletion_keys("U:AB12CDE"))
    assert mine & set(deletion_keys("U:AB12CDF")) and mine & set(deletion_keys("U:AB12DCE"))
    assert not mine & set(deletion_keys("U:AB12XYZ"))
