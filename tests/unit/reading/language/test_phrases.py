"""Phrase lists: a phrase found at the start of a word, with endings on longer ones, after Arabic's
article and prefixes, and anywhere in Chinese; or the whole message as one phrase."""

from __future__ import annotations

from reading.language.phrases import PhraseList


def test_a_longer_phrase_takes_an_ending_and_a_short_one_is_a_whole_word():
    knives = PhraseList(["cuchillo", "gas"], "es")
    assert knives.search("tiene dos cuchillos") and knives.search("Tiene un CUCHILLO.")
    assert knives.search("huele a gas") and not knives.search("gasolina") and not knives.search("acuchillo")


def test_arabic_prefixes_and_chinese_without_spaces():
    assert PhraseList(["سكين"], "ar").search("معه السكين")
    assert PhraseList(["刀"], "zh").search("他手里有刀子")


def test_a_whole_message_is_one_phrase_only_when_nothing_else_is_said():
    skips = PhraseList(["no sé", "saltar"], "es")
    assert skips.whole("No sé.") and not skips.whole("no sé quién era")
    assert not PhraseList([], "es") and not PhraseList([], "es").search("anything")


def test_removing_the_phrases_leaves_the_rest_of_the_message():
    fine = PhraseList(["ahora estoy bien"], "es")
    assert fine.remove("El lunes pasó, AHORA ESTOY BIEN, gracias").split() == [
        "el",
        "lunes",
        "paso",
        "gracias",
    ]
    assert PhraseList([], "es").remove("Hola") == "hola"
