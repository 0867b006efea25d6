"""The words people read for a stored category and for an answer that was not given."""

from __future__ import annotations

from servator.storage.categories import answer_shown, category_label


def test_a_stored_category_is_shown_in_words_and_an_unknown_one_is_not_hidden():
    assert category_label("testing_security") == "Testing security"
    assert category_label("surveillance") == "Filming, photographing or watching"
    assert category_label("drone_flying") == "Drone flying"
    assert category_label(None) == "Not given" and category_label("") == "Not given"


def test_an_answer_not_given_reads_not_given():
    assert answer_shown("a red van") == "a red van"
    assert answer_shown(None) == "not given" and answer_shown("   ") == "not given"
