"""Registrations folded for misreadings (UK) or kept as given (other plates); description vectors."""

from __future__ import annotations

import pytest

from servator.linking.plate_keys import one_character_apart
from servator.linking.plates import plate_from_report, shared_description


@pytest.mark.parametrize(
    "registration,vehicle_text,display,key",
    [
        ("AB12 CDE", None, "AB12CDE", "U:AB12CDE"),
        (None, "silver focus ab12cde", "AB12CDE", "U:AB12CDE"),
        (None, "silver ford AB1O CDE", "AB10CDE", "U:AB10CDE"),  # O typed for 0 in the age digits
        (None, "AB12 C0E", "AB12COE", "U:AB12C0E"),  # 0 typed for O: the key folds both to 0
        ("OX05 ABC", None, "OX05ABC", "U:0X05ABC"),
    ],
)
def test_uk_plates_are_upper_case_without_spaces_and_fold_o0_i1(registration, vehicle_text, display, key):
    plate = plate_from_report(registration, vehicle_text)
    assert plate is not None and plate.uk
    assert (plate.display, plate.key) == (display, key)


def test_a_plate_read_with_o_for_0_matches_the_plate():
    assert plate_from_report(None, "AB1O CDE").key == plate_from_report("AB10 CDE", None).key


@pytest.mark.parametrize(
    "vehicle_text,display",
    [("French plates AB-123-CD", "AB-123-CD"), ("CD 123 AB", "CD 123 AB"), ("reg: 123 D 456", "123 D 456")],
)
def test_a_plate_that_is_not_uk_is_kept_as_given_and_matched_exactly(vehicle_text, display):
    plate = plate_from_report(None, vehicle_text)
    assert plate is not None and not plate.uk and plate.display == display
    misread = plate_from_report(None, vehicle_text.replace("3", "8"))
    assert misread is not None and misread.key != plate.key, "one character off is another plate"
    assert not one_character_apart(plate.key, plate.key[:-1] + "X"), "no fuzzy matching for foreign plates"


@pytest.mark.parametrize("vehicle_text", ["black BMW X5", "Mercedes GLE350", "a silver car", "", None])
def test_car_models_and_descriptions_are_not_plates(vehicle_text):
    assert plate_from_report(None, vehicle_text) is None


def test_shared_description_names_the_make_or_colour_both_reports_give():
    assert shared_description("silver Ford Focus", "a silver ford") == "silver Ford"
    assert shared_description("silver Ford Focus KX19 PIM", "silver ford focus") == "silver Ford Focus"
    assert shared_description("black BMW", "blue bmw x5") == "BMW"
    assert shared_description("black BMW", "red Toyota") is None
    assert shared_description("", "red Toyota") is None


def test_part_of_a_plate_after_reg_is_a_partial_plate_not_a_foreign_one():
    from servator.linking.plates import partial_from_report

    assert plate_from_report(None, "blue Vauxhall Corsa, reg av21 ... didn't get the rest") is None
    partial = partial_from_report(None, "blue Vauxhall Corsa, reg av21 ... didn't get the rest")
    assert partial is not None and partial.said() == "AV21 …"
    assert partial_from_report("AB12 CDE", "ends in CDE") is None, "a whole plate wins"


def test_descriptions_naming_another_colour_or_make_contradict_and_synonyms_do_not():
    from servator.linking.plates import contradicting

    assert contradicting("silver Ford Focus", "black Audi")
    assert contradicting("silver Ford", "silver Audi"), "another make"
    assert not contradicting("grey VW Golf", "gray Volkswagen"), "one colour, one make, spelt two ways"
    assert not contradicting("silver Ford", "a car"), "nothing said is nothing contradicted"
    assert shared_description("grey VW Golf", "gray volkswagen golf") == "grey Volkswagen Golf"
