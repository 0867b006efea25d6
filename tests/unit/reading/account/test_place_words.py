"""The place patterns: place nouns without a name, sites officers can find, streets not in the gazetteer."""

from __future__ import annotations

import pytest

from reading.account.place_words import BUILDING, SITE, STREET


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("he left it in our post room", "our post room"),
        ("filming from the bus stop", "the bus stop"),
        ("I work at embassy of Chile", "embassy of Chile"),
        ("smoke from the visa centre", "the visa centre"),
    ],
)
def test_place_nouns_are_found_with_the_word_before_and_a_name_after(text: str, found: str) -> None:
    assert [match.group(1) for match in BUILDING.finditer(text)][-1] == found


@pytest.mark.parametrize(
    ("words", "site"), [("our embassy gate", True), ("the side gate", False), ("the bollards", False)]
)
def test_a_site_is_a_place_officers_can_find(words: str, site: bool) -> None:
    assert bool(SITE.search(words)) is site


def test_a_street_not_in_the_gazetteer_is_a_street() -> None:
    match = STREET.search("the embassy on grosvenor cres")
    assert match is not None and match.group(0) == "grosvenor cres"
