"""The summary's own words in the conversation's language; the person's answers stay as written."""

from __future__ import annotations

from actions import report_fields as fields
from actions.summary_words import category_titles, summary_in_language

ENGLISH_SUMMARY = {
    "description": "a man filming the gate",
    "people": fields.NOT_GIVEN,
    "ongoing": "yes",
    "contact": "anonymous",
    "category": "Surveillance",
}


def test_the_assistant_s_words_are_translated_and_the_person_s_are_not():
    french = summary_in_language(ENGLISH_SUMMARY, "surveillance", "fr")
    assert french["description"] == "a man filming the gate"
    assert (french["people"], french["ongoing"], french["contact"]) == ("non précisé", "oui", "anonyme")
    assert french["category"] == "Filmer ou photographier", "the French button that chose it"


def test_english_or_an_unknown_language_is_left_as_it_is():
    assert summary_in_language(ENGLISH_SUMMARY, "surveillance", "en") == ENGLISH_SUMMARY
    assert summary_in_language(ENGLISH_SUMMARY, "surveillance", "xx") == ENGLISH_SUMMARY


def test_every_language_has_a_title_for_every_category():
    for language in ("es", "fr", "ar", "zh"):
        assert set(category_titles(language)) == set(fields.CATEGORIES), language


def test_no_vehicle_is_said_in_the_conversation_s_language():
    values = {"vehicle": fields.NO_VEHICLE, "people": "un hombre con chaqueta negra"}
    spanish = summary_in_language(values, None, "es")
    assert spanish == {"vehicle": "ningún vehículo", "people": "un hombre con chaqueta negra"}
    for language in ("ar", "bn", "zh", "fr", "it", "pl", "pt", "ro", "tr"):
        assert summary_in_language(values, None, language)["vehicle"] != fields.NO_VEHICLE, language
