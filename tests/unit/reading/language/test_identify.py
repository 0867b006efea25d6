"""Which language one message is in: by its script, by a phrase only one language has, by romanised
words, else by fastText; short English words stay English."""

from __future__ import annotations

import pytest

from reading.language.identify import identify, script_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("هناك رجل يحمل سكينا", "ar"),
        ("একজন লোক ছুরি নিয়ে আছে", "bn"),
        ("有一个男人拿着刀", "zh"),
        ("il y a un homme bizarre qui filme l'entrée de la gare", "fr"),
        ("hay un hombre raro grabando la entrada de la estación", "es"),
        ("a man is filming the entrance of the station", "en"),
    ],
)
def test_the_language_of_a_message(text, language):
    assert identify(text).language == language


def test_a_script_settles_it_and_short_english_stays_english():
    assert identify("有刀").confidence == 1.0
    assert (
        script_language("ok 他有刀") == "zh"
        and script_language("hello ok 刀") is None
        and script_language("hello") is None
    )
    assert identify("ok").language == "en" and identify("").confidence == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "un tip cu o sabie sta langa statia de autobuz acum",
        "nu stiu unde sa raportez asta, puteti sa ma ajutati?",
    ],
)
def test_romanian_typed_without_diacritics_is_romanian_and_sure(text):
    guess = identify(text)
    assert guess.language == "ro" and guess.confidence >= 0.85


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("non so dove segnalare questa cosa, mi aiuti?", "it"),
        ("no sé dónde denunciar esto, me ayudas?", "es"),
        ("não sei onde denunciar isto, pode me ajudar?", "pt"),
        ("je ne sais pas quoi faire, il y a un sac", "fr"),
        ("I saw a man near the station acting oddly", "en"),
    ],
)
def test_romanians_unaccented_words_do_not_claim_its_neighbours(text, language):
    assert identify(text).language == language


def test_arabic_typed_in_latin_letters_and_digits_is_arabic():
    assert identify("fi wa7ad 3am ysawwer el sifara hala2").language == "ar"
