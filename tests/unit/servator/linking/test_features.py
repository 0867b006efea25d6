"""What linking reads from a report: its postcode parts, its place and how a partial plate is kept."""

from __future__ import annotations

from reading.plate_text import END, START, PartialPlate
from servator.linking.features import partial_of, place_id_for, postcode_parts, stored_partial


def test_the_postcode_comes_from_the_answer_or_else_the_place_text():
    assert postcode_parts("sw1x8ha", None) == {
        "postcode": "SW1X 8HA",
        "postcode_district": "SW1X",
        "postcode_sector": "SW1X 8",
    }
    assert postcode_parts(None, "outside number 5, SW1A 2AA")["postcode_sector"] == "SW1A 2"
    assert postcode_parts(None, "by the river") == {
        "postcode": None,
        "postcode_district": None,
        "postcode_sector": None,
    }


def test_a_place_named_in_the_text_is_found_and_nowhere_is_none():
    assert place_id_for(None, "near Trafalgar Square") == place_id_for("Trafalgar Square", None)
    assert place_id_for("Trafalgar Square", None) is not None
    assert place_id_for(None, "somewhere I can't describe") is None


def test_a_partial_plate_is_kept_as_a_pattern_and_read_back_the_same():
    for partial in (PartialPlate(START, "KX19"), PartialPlate(END, "PLM")):
        assert partial_of(stored_partial(partial)) == partial
    assert stored_partial(PartialPlate(START, "KX19")) == "KX19*"
    assert stored_partial(None) is None and partial_of(None) is None
