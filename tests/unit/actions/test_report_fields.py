"""The report's fields: a short letters-and-digits answer is a number plate being typed, and an
entity's value is read from a message's parsed entities."""

from __future__ import annotations

from actions.report_fields import entity_value, looks_like_registration_attempt


def test_a_short_answer_of_letters_and_digits_is_a_plate_being_typed():
    assert looks_like_registration_attempt("AB1") and looks_like_registration_attempt("LV19 OKB")
    for text in ("a red van", "ABC", "A", "LV19 OKB XYZ123"):
        assert not looks_like_registration_attempt(text), text


def test_the_first_entity_of_that_name_gives_the_value():
    entities = [{"entity": "place", "value": "Oxford Circus"}, {"entity": "place", "value": "Soho"}]
    assert entity_value(entities, "place") == "Oxford Circus"
    assert entity_value(entities, "vehicle") is None and entity_value([], "place") is None
