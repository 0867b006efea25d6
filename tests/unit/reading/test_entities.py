"""Report entities: postcodes, registrations, times (with a fixed `now`) and London places."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from reading.entities import extract_entities, normalise_postcode, normalise_registration, parse_when

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)  # a Tuesday, 10:00


def values(text: str, entity: str) -> list:
    return [e["value"] for e in extract_entities(text) if e["entity"] == entity]


@pytest.mark.parametrize(
    "text,postcode",
    [
        ("w1k6ah", "W1K 6AH"),
        ("W1K 6AH", "W1K 6AH"),
        ("grosvenor square w1k 6ah", "W1K 6AH"),
        ("sw1a 2aa", "SW1A 2AA"),
        ("near SW7 2DD please", "SW7 2DD"),
        ("e1 6an", "E1 6AN"),
    ],
)
def test_postcodes_are_found_and_normalised(text, postcode):
    assert values(text, "postcode") == [postcode]


@pytest.mark.parametrize("text", ["W1K", "the bus number 12", "AB12 CDE", "call 0800 789"])
def test_non_postcodes_are_not_postcodes(text):
    assert values(text, "postcode") == [] and normalise_postcode(text) is None


@pytest.mark.parametrize(
    "text,registration",
    [
        ("ab12cde", "AB12 CDE"),
        ("AB12 CDE", "AB12 CDE"),
        ("ab 12 cde", "AB12 CDE"),
        ("silver focus ab12cde", "AB12 CDE"),
        ("LD71 XYZ", "LD71 XYZ"),
        ("A123 BCD", "A123 BCD"),
        ("ABC 123D", "ABC 123D"),
        ("a123bcd", "A123 BCD"),
    ],
)
def test_registrations_are_normalised(text, registration):
    assert normalise_registration(text) == registration


@pytest.mark.parametrize(
    "text", ["AB1", "ABCDEFG", "AB01 CDE", "AB50 CDE", "QA12 BCD", "AB12 CIE", "hello", "", "12345"]
)
def test_invalid_registrations_are_none(text):
    assert normalise_registration(text) is None


def test_registration_entity_in_a_sentence_but_not_from_ordinary_words():
    assert values("a white van ab12cde drove off", "vehicle_registration") == ["AB12 CDE"]
    assert values("I was stuck on the m25 and then left", "vehicle_registration") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("now", NOW),
        ("just now", NOW),
        ("10 minutes ago", NOW - timedelta(minutes=10)),
        ("about 10 mins ago", NOW - timedelta(minutes=10)),
        ("an hour ago", NOW - timedelta(hours=1)),
        ("half an hour ago", NOW - timedelta(minutes=30)),
        ("2 hours ago", NOW - timedelta(hours=2)),
        ("this morning", NOW.replace(hour=9)),
        ("yesterday", NOW.replace(day=23, hour=12)),
        ("yesterday about 3pm", NOW.replace(day=23, hour=15)),
        ("today at 09:15", NOW.replace(hour=9, minute=15)),
        ("at 3pm", NOW.replace(day=23, hour=15)),
        ("at 11pm", NOW.replace(day=23, hour=23)),
        ("last night", NOW.replace(day=23, hour=22)),
        ("last night around 11", NOW.replace(day=23, hour=23)),
        ("2026-11-20", NOW.replace(day=20, hour=0)),
        ("2026-11-20T08:15", NOW.replace(day=20, hour=8, minute=15)),
        ("on monday", NOW.replace(day=23, hour=12)),
    ],
)
def test_parse_when_with_a_fixed_now(text, expected):
    assert parse_when(text, NOW) == expected


def test_parse_when_is_aware_in_nows_timezone_and_never_in_the_future():
    london_winter = timezone(timedelta(hours=0), "GMT")
    plus_two = timezone(timedelta(hours=2))
    now = datetime(2026, 6, 1, 10, 0, tzinfo=plus_two)
    for text in ["at 11pm", "this evening", "today at 23:00", "an hour ago", "yesterday"]:
        parsed = parse_when(text, now)
        assert parsed is None or (parsed.tzinfo == plus_two and parsed <= now), text
    assert parse_when("now", NOW.astimezone(london_winter)).tzinfo == london_winter


@pytest.mark.parametrize(
    "text", ["purple", "outside the embassy", "tall man grey hoodie", "", "2027-01-01", "3 people"]
)
def test_parse_when_none_without_a_time(text):
    assert parse_when(text, NOW) is None


@pytest.mark.parametrize(
    "text,time",
    [
        ("it was about 10 minutes ago", "about 10 minutes ago"),
        ("yesterday about 3pm", "yesterday about 3pm"),
        ("this morning by the gate", "this morning"),
        ("at 14:30", "at 14:30"),
        ("last night", "last night"),
    ],
)
def test_time_entities_keep_the_words(text, time):
    assert values(text, "time") == [time]


@pytest.mark.parametrize(
    "text,place",
    [
        ("grosvenor square", "Grosvenor Square"),
        ("outside an embassy on Belgrave Sq", "Belgrave Square"),
        ("Kensington Palace Gardens", "Kensington Palace Gardens"),
        ("by whitehall", "Whitehall"),
        ("kings cross", "King's Cross"),
        ("KING'S CROSS", "King's Cross"),
        ("victoria station", "Victoria Station"),
        ("oxford st near the shops", "Oxford Street"),
        ("in hyde park", "Hyde Park"),
        ("parliament square", "Parliament Square"),
        ("trafalgar square", "Trafalgar Square"),
        ("st james's park", "St James's Park"),
        ("westminster bridge", "Westminster Bridge"),
    ],
)
def test_places_get_their_canonical_name(text, place):
    assert values(text, "place") == [place]


def test_entity_dicts_are_rasa_style_with_offsets():
    text = "silver focus AB12CDE at grosvenor square w1k 6ah 10 minutes ago"
    entities = extract_entities(text)
    assert {e["entity"] for e in entities} == {"vehicle_registration", "place", "postcode", "time"}
    for entity in entities:
        assert set(entity) == {"entity", "value", "start", "end", "extractor"}
        assert entity["extractor"] == "SafetyEntityExtractor"
        assert text[entity["start"] : entity["end"]].strip()
    assert extract_entities("") == [] and extract_entities("hello there") == []


def test_each_call_gives_entities_of_its_own():
    """The extractor names itself on the entities it is given: a message read again (by the
    account reader) gets them as found."""
    text = "a man in a white van at Victoria station at 10pm"
    first = extract_entities(text)
    for entity in first:
        entity["extractor"] = "changed"
    again = extract_entities(text)
    assert again and all(entity["extractor"] == "SafetyEntityExtractor" for entity in again)
