"""Vehicles and where they went, in another language (reading/account/language_vehicle.py)."""

from reading.account.language_places import place_entities
from reading.account.language_text import words_of
from reading.account.language_vehicle import direction, vehicle
from reading.account.language_words import language_words


def _read(text: str, language: str):
    words = language_words(language)
    assert words is not None
    return words_of(text, language), words, place_entities(text, language)


def test_a_vehicle_with_its_colour_is_kept_as_written_and_counts_as_described():
    read, words, places = _read("subió a una furgoneta blanca y se fue", "es")
    said = vehicle(read, words, None, places)
    assert said is not None and said.words == "una furgoneta blanca" and said.described


def test_a_registration_alone_is_the_vehicle():
    _, words, _ = _read("el coche tenía matrícula", "es")
    said = vehicle(words_of("se fue", "es"), words, "LK71ABC", [])
    assert said is not None and said.described


def test_where_they_went_is_the_towards_word_and_the_place():
    read, words, places = _read("se fueron hacia Hyde Park corriendo", "es")
    assert direction(read, words, places) == "hacia Hyde Park"


def test_a_time_after_towards_is_not_a_direction():
    read, words, places = _read("je l'ai vu vers 23h devant la gare", "fr")
    assert direction(read, words, places) is None
