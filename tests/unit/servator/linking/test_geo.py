"""Distances and grid cells that pre-filter places before any distance is computed."""

from __future__ import annotations

import pytest

from servator.linking.geo import PLACE_CELL_DEG, box, cell, cells_within, metres_between

TRAFALGAR = (51.5080, -0.1281)
NELSONS_FOOT = (51.5077, -0.1280)  # about 35 m south
WESTMINSTER = (51.4995, -0.1248)


def test_metres_between_places_in_london_is_what_a_map_says():
    assert metres_between(*TRAFALGAR, *TRAFALGAR) == 0
    assert metres_between(*TRAFALGAR, *NELSONS_FOOT) == pytest.approx(34, abs=3)
    assert metres_between(*TRAFALGAR, *WESTMINSTER) == pytest.approx(975, rel=0.02)


def test_a_point_without_both_coordinates_has_no_cell():
    assert cell(None, -0.1281, PLACE_CELL_DEG) is None and cell(51.5, None, PLACE_CELL_DEG) is None
    assert cell(*TRAFALGAR, PLACE_CELL_DEG) == cell(*NELSONS_FOOT, PLACE_CELL_DEG)


def test_the_cells_within_a_distance_hold_every_point_that_close():
    near = cells_within(*TRAFALGAR, 1000, PLACE_CELL_DEG)
    assert cell(*WESTMINSTER, PLACE_CELL_DEG) in near
    assert cell(*WESTMINSTER, PLACE_CELL_DEG) not in cells_within(*TRAFALGAR, 300, PLACE_CELL_DEG)
    south, north, west, east = box(*TRAFALGAR, 1000)
    assert south < WESTMINSTER[0] < north and west < WESTMINSTER[1] < east
    assert metres_between(south, TRAFALGAR[1], north, TRAFALGAR[1]) == pytest.approx(2000, rel=0.01)
