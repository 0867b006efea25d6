from __future__ import annotations

import pytest

from reading.account.vehicle import plate, said_vehicle, theirs, unspaced_plate
from reading.entities import pipeline


def _doc(text: str):
    return pipeline().make_doc(text)


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("a man got into a black BMW and drove off", "a black BMW"),
        ("they left in a white transit van towards the river", "a white transit van"),
        ("two lads on a red moped kept circling the square", "a red moped"),
    ],
)
def test_the_vehicle_is_the_words_said_for_it(text: str, vehicle: str) -> None:
    span = said_vehicle(_doc(text))
    assert span is not None and span.text == vehicle


@pytest.mark.parametrize(
    ("text", "is_theirs"),
    [
        ("a man got into a black BMW and drove off", True),
        ("she sat in a car opposite the gate for an hour", True),
        ("he got on a bus towards Victoria", False),
    ],
)
def test_a_vehicle_is_theirs_when_described_or_brought_in_as_one(text: str, is_theirs: bool) -> None:
    doc = _doc(text)
    assert theirs(doc, said_vehicle(doc)) is is_theirs


def test_no_vehicle_is_nobodys() -> None:
    doc = _doc("a woman was filming the gate")
    assert said_vehicle(doc) is None and not theirs(doc, None)


@pytest.mark.parametrize(
    ("text", "registration"),
    [
        ("the plate was LB 21 XKT", "LB21XKT"),
        ("a silver Prius, reg LB21 XKT", "LB21XKT"),
        ("plate lb21xkt", "LB21XKT"),
    ],
)
def test_a_plate_is_read_however_it_is_spaced(text: str, registration: str) -> None:
    found = plate(text)
    assert found is not None and found.replace(" ", "") == registration


def test_part_of_a_plate_is_kept() -> None:
    assert unspaced_plate("the plate started with LN68") == "LN68"


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        # what it looked like, before its colour
        ("a blacked-out people carrier kept stopping by the gate", "a blacked-out people carrier"),
        ("a battered old red Corsa was parked on the corner", "a battered old red Corsa"),
        # its marks after it, with "with", "no" or a comma
        (
            "a grey Sprinter with tinted rear windows sat outside all day",
            "a grey Sprinter with tinted rear windows",
        ),
        ("silver estate no number plates parked on the kerb", "silver estate no number plates"),
        (
            "Black Vito, no company logo, dark windows. Still there.",
            "Black Vito, no company logo, dark windows",
        ),
        ("motorbike with a foreign plate went past twice", "motorbike with a foreign plate"),
        # a bus said by its number
        ("a man on the number 73 bus was filming the barriers", "the number 73 bus"),
    ],
)
def test_the_vehicle_keeps_how_it_looked_and_its_marks(text: str, vehicle: str) -> None:
    span = said_vehicle(_doc(text))
    assert span is not None and span.text == vehicle


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("a blue Polo, and the windows were open", "a blue Polo"),  # a new clause is not a mark
        ("a white van parked by the windows of the shop", "a white van"),  # where it was
    ],
)
def test_the_marks_end_where_the_clause_does(text: str, vehicle: str) -> None:
    span = said_vehicle(_doc(text))
    assert span is not None and span.text == vehicle
