"""Emergencies in the other languages: 999 first, the past and figures of speech do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reading.language.danger import detect_in_languages, message_danger
from reading.language.identify import identify


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hay un hombre con un cuchillo", "es"),
        ("alguien está sangrando en la acera", "es"),
        ("hay una bolsa abandonada en la puerta de la embajada", "es"),
        ("Il y a un homme avec un couteau devant l'ambassade", "fr"),
        ("Un colis suspect devant la porte", "fr"),
        ("رجل يحمل سكينا أمام السفارة", "ar"),
    ],
)
def test_an_emergency_fires_in_its_language(text: str, language: str) -> None:
    verdict = detect_in_languages(text, (identify(text).language,))
    assert verdict is not None and verdict.language == language


@pytest.mark.parametrize(
    "text",
    [
        "ayer vi a un hombre con un cuchillo",
        "esa canción es una bomba",
        "¿Qué es Project Servator?",
        "Bonjour, qu'est-ce que Servator ?",
        "what is project servator",
    ],
)
def test_the_past_figures_of_speech_and_questions_do_not_fire(text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence) is None


_MESSAGES = yaml.safe_load((Path(__file__).parent / "danger_messages.yml").read_text(encoding="utf-8"))


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(code, text) for code, sets in _MESSAGES.items() for text in sets[kind]]


@pytest.mark.parametrize(("language", "text"), _cases("fire"))
def test_each_language_catches_its_emergencies(language: str, text: str) -> None:
    guess = identify(text)
    verdict = message_danger(text, guess.language, guess.confidence)
    assert verdict is not None
    assert verdict.language == language or guess.language != language


@pytest.mark.parametrize(("language", "text"), _cases("calm"))
def test_each_language_keeps_calm_messages_calm(language: str, text: str) -> None:
    guess = identify(text)
    assert message_danger(text, guess.language, guess.confidence, conversation=language) is None


@pytest.mark.parametrize(
    ("text", "identified_as", "language"),
    [
        ("aud impuscaturi langa ambasada", "en", "ro"),
        ("vanga bottle diye boro maramari hocche", "en", "bn"),
        ("hay un hombre con un cuchillo", "it", "es"),
        ("jakis gosc z nozem przy wejsciu", "ro", "pl"),
    ],
)
def test_a_message_identified_as_another_language_still_gets_999(
    text: str, identified_as: str, language: str
) -> None:
    verdict = message_danger(text, identified_as, 0.9)
    assert verdict is not None and verdict.language == language


@pytest.mark.parametrize(
    "text",
    [
        "are the officers armed",
        "how much can i borrow for a mortgage",
        "hyaluronic acid or vitamin c first",
        "is exploding kittens good for kids",
        "how long do I use the blowtorch on a creme brulee",
        "my crème brûlée has gone watery, what went wrong",
    ],
)
def test_english_words_are_not_read_as_another_languages_cues(text: str) -> None:
    assert message_danger(text, "en", 0.9) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("guardei a roupa no armário", "pt"),
        ("devo fare le analisi del sangue", "it"),
        ("esa canción es una bomba", "es"),
        ("上周广场上有人打架，现在没事了", "zh"),
        ("saptamana trecuta a fost o bataie in piata, acum e liniste", "ro"),
    ],
)
def test_a_calm_message_surely_in_one_language_is_not_read_as_anothers_emergency(
    text: str, language: str
) -> None:
    assert message_danger(text, language, 0.95) is None
