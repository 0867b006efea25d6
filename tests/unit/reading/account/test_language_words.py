"""Each language's account words, loaded once (reading/account/language_words.py)."""

import pytest

from reading.account.language_words import language_words
from reading.language import OTHER_LANGUAGES


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_every_language_has_words_for_people_vehicles_and_where_they_went(language):
    words = language_words(language)
    assert words is not None
    assert words.people["nouns"] or words.patterns.get("people"), language
    assert words.vehicle["nouns"] or words.patterns.get("vehicle"), language
    assert words.towards_before or words.towards_after or words.patterns.get("direction"), language
    assert words.embassy is not None


def test_english_has_no_file_of_other_language_account_words():
    assert language_words("en") is None
