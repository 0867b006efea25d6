"""Where in an account: the place as said, the gazetteer's name for it, and whether it is named."""

from __future__ import annotations

from reading.account.places import location
from reading.entities import extract_entities, pipeline


def where(text: str):
    return location(pipeline().make_doc(text), text, extract_entities(text), [])


def test_a_named_place_is_read_with_the_gazetteer_s_name():
    found = where("I saw a man filming the gates of the Saudi embassy on Curzon Street yesterday")
    assert found is not None and found.named
    assert found.words == "the gates of the Saudi embassy on Curzon Street"
    assert found.place == "Embassy of Saudi Arabia"


def test_our_own_gate_is_a_place_without_a_name_and_no_place_is_none():
    found = where("a man kept walking past our staff entrance")
    assert found is not None and not found.named and "staff entrance" in found.words
    assert where("a man asked me what time it was") is None
