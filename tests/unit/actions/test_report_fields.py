"""Parsing of report answers: skip words, yes/no, categories, contacts, field names."""

import pytest

from actions import report_fields as f


@pytest.mark.parametrize(
    "text", ["skip", "Skip", "i dont know", "I don't know", "no vehicle", "didn't see one", "n/a", "no idea"]
)
def test_skip_phrases(text):
    assert f.is_skip(text)


@pytest.mark.parametrize("text", ["a white van", "tall man, black coat", "towards the station"])
def test_real_answers_are_not_skips(text):
    assert not f.is_skip(text)


def test_yes_no_prefers_the_intent_then_words():
    assert f.parse_yes_no("whatever", "affirm") == "yes"
    assert f.parse_yes_no("yes he is still there", None) == "yes"
    assert f.parse_yes_no("no, they left", None) == "no"
    assert f.parse_yes_no("purple", None) is None


@pytest.mark.parametrize(
    "text,category",
    [
        ("a man has been filming our gate for an hour", "surveillance"),
        ("someone kept asking our guards about shift times", "eliciting_information"),
        ("a bag left by the bench for ages", "unattended_item"),
        ("surveillance", "surveillance"),
        ("Testing security", "testing_security"),
        ("something else", "other"),
        ("purple", None),
    ],
)
def test_category_inference(text, category):
    assert f.infer_category(text) == category


@pytest.mark.parametrize(
    "text,expected",
    [
        ("07700 900123", "07700900123"),
        ("+44 20 7946 0000", "+442079460000"),
        ("jane@example.com", "jane@example.com"),
        ("123", None),
        ("call me", None),
        ("jane@", None),
    ],
)
def test_contact_validation(text, expected):
    assert f.parse_contact(text) == expected


@pytest.mark.parametrize(
    "text,slot",
    [
        ("change the location", "report_location"),
        ("the time is wrong", "report_when"),
        ("edit the description", "report_description"),
        ("fix the vehicle", "report_vehicle"),
        ("change it", None),
    ],
)
def test_field_to_change(text, slot):
    assert f.field_to_change(text) == slot
