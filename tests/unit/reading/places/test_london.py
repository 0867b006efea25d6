"""The London names the gazetteer lacks (reading/places/london.yml): one list per name, found in
any case, the longest name first, and never an everyday word."""

from __future__ import annotations

from reading.places import london, lookup


def test_no_name_is_also_in_the_gazetteer() -> None:
    assert [name for name in london.kinds() if lookup(name) is not None] == []


def test_names_are_found_in_any_case_longest_first() -> None:
    text = "outside CAMDEN MARKET, then on cheapside"
    found = [(text[start:end], kind) for start, end, kind in london.found(text)]
    assert found == [("CAMDEN MARKET", "landmarks"), ("cheapside", "streets")]


def test_everyday_words_are_no_names() -> None:
    assert london.found("the dog kept barking at the bank near the temple, bow tie on") == []
