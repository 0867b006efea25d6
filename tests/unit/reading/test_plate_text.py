"""Plates people are unsure of: a whole plate with a character no plate carries, and part of a plate."""

from __future__ import annotations

import pytest

from reading.plate_text import END, START, PartialPlate, any_letter_plate, partial_plate


@pytest.mark.parametrize(
    "text,plate",
    [
        ("silver Ford Focus KX19 PIM", "KX19PIM"),  # I is never issued: one character is misread
        ("kx19pqm", "KX19PQM"),
        ("KX50 PIM", None),  # 50 was never an age identifier
        ("a silver car", None),
    ],
)
def test_a_plate_with_a_letter_no_plate_carries_is_read_as_written(text, plate):
    assert any_letter_plate(text) == plate


@pytest.mark.parametrize(
    "text,found",
    [
        ("silver Ford Focus, KX19 something", PartialPlate(START, "KX19")),
        ("KX19 ... didn't get the rest", PartialPlate(START, "KX19")),
        ("blue van, ends in PLM", PartialPlate(END, "PLM")),
        ("reg ending with plm", None),  # lower-case letters without a digit could be a word
        ("the plate starts with LB", PartialPlate(START, "LB")),
        ("starts with lb12", PartialPlate(START, "LB12")),
        ("last three letters PLM", PartialPlate(END, "PLM")),
        ("something PLM on the back", PartialPlate(END, "PLM")),
        ("the car started up and drove off", None),
        ("it ended in tears", None),
    ],
)
def test_part_of_a_plate_is_kept_as_said(text, found):
    assert partial_plate(text) == found


def test_a_partial_plate_reads_as_said():
    assert PartialPlate(START, "KX19").said() == "KX19 …"
    assert PartialPlate(END, "PLM").said() == "… PLM"
