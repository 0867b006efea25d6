"""The conversation's language: clear messages switch it, short or neutral ones never do."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reading.language.choice import conversation_language, requested_language, written_words


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("Hay un hombre con un cuchillo en la puerta", None, "es"),
        ("Je voudrais signaler quelque chose de suspect", "en", "fr"),
        ("hola", None, "es"),
        ("ok", "es", "es"),
        ("no", "fr", "fr"),
        ("12:30", "es", "es"),
        ("SW1X 8PZ", "fr", "fr"),
        ("Belgrave Square", "es", "es"),
        ("English please", "es", "en"),
        ("en inglés", "es", "en"),
        ("Español", "en", "es"),
        ("There is a man taking photos of the embassy gate", "es", "en"),
        ("مرحبا", "en", "ar"),
    ],
)
def test_language_sticks_unless_the_message_is_clear(text: str, current: str | None, expected: str) -> None:
    assert conversation_language(text, current) == expected


def test_telegram_language_code_is_only_a_hint() -> None:
    assert conversation_language("ok", None, hint="es") == "es"
    assert conversation_language("There is a man filming the gate", None, hint="es") == "en"
    assert conversation_language("Bonjour, je veux signaler quelque chose", None, hint="es") == "fr"
    assert conversation_language("ok", "fr", hint="es") == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "Speak English please",
        "english pls",
        "can you speak in english",
        "in English",
        "Hable en inglés, por favor",
        "en anglais s'il vous plaît",
        "Parla inglese per favore",
        "Mów po angielsku proszę",
        "İngilizce konuşabilir misin",
        "تكلم انجليزي من فضلك",
        "请说英语",
    ],
)
@pytest.mark.parametrize("current", ["es", "fr", "zh", "en", None])
def test_asking_for_english_switches_any_conversation_to_english(text: str, current: str | None) -> None:
    assert requested_language(text) == "en"
    assert conversation_language(text, current) == "en"


@pytest.mark.parametrize(
    "text",
    ["un hombre inglés con un cuchillo", "英国人拿着刀", "I speak English and Spanish", "english breakfast"],
)
def test_naming_english_in_a_message_is_not_a_request(text: str) -> None:
    assert requested_language(text) is None


_PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


@given(
    make=st.sampled_from(
        ["blue vauxhall astra", "silver ford focus", "white transit van", "grey skoda octavia"]
    ),
    area=st.text(_PLATE_LETTERS, min_size=2, max_size=2),
    age=st.integers(10, 74),
    letters=st.text(_PLATE_LETTERS, min_size=3, max_size=3),
)
@settings(max_examples=300, deadline=None)
def test_a_vehicle_and_its_registration_never_switch_the_language(
    make: str, area: str, age: int, letters: str
) -> None:
    """Make names and plate letters are in no language ("LK71 ACZ" once read as Polish)."""
    assert conversation_language(f"{make} {area}{age} {letters}", "en") == "en"


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("Are you a bot or an actual police officer?", "en", "en"),
        ("need to report a sus guy", "en", "en"),
        ("Hay un coche azul aparcado delante de la embajada desde hace horas", "en", "es"),
        ("Widziałem mężczyznę, który robił zdjęcia bramy ambasady", "en", "pl"),
    ],
)
def test_leaving_a_language_takes_a_word_of_the_new_one(text: str, current: str, expected: str) -> None:
    assert conversation_language(text, current) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("se aud tipete langa Piccadilly Circus, oamenii fug", "ro"),
        ("Un bărbat stă de o oră în fața ambasadei pe Portland Place și notează ceva", "ro"),
        ("fi wa7ad ma3o sikkeen 3and Victoria station hala2", "ar"),
    ],
)
def test_a_first_message_around_a_place_name_keeps_its_language(text: str, expected: str) -> None:
    assert conversation_language(text, None) == expected


def test_the_words_that_tell_the_language_keep_their_accents_and_arabic_digits() -> None:
    words = written_words("Un bărbat pe Oxford Street la 10:30, LB20 KWE")
    assert "bărbat" in words and "oxford" not in words and "10" not in words and "lb20" not in words
    assert written_words("3am y2awwes hala2 b King's Cross") == "3am y2awwes hala2 b"


@pytest.mark.parametrize("current", [None, "fr"])
def test_a_pasted_reference_and_code_say_nothing_of_the_language(current: str | None) -> None:
    pasted = "SRV-20261114-KP7R2Q 3HXT-9WQD-M2LC-7BNA"
    assert conversation_language(pasted, current) == (current or "en")
    assert conversation_language(pasted.lower(), current) == (current or "en")
