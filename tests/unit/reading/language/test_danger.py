"""Emergencies in the other languages: 999 first, the past and figures of speech do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.components import SURE_LANGUAGE
from reading.language.danger import detect_in_languages
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
    language = identify(text).language
    assert detect_in_languages(text, (language,), everywhere=False) is None


_MESSAGES = yaml.safe_load((Path(__file__).parent / "danger_messages.yml").read_text(encoding="utf-8"))


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(code, text) for code, sets in _MESSAGES.items() for text in sets[kind]]


@pytest.mark.parametrize(("language", "text"), _cases("fire"))
def test_each_language_catches_its_emergencies(language: str, text: str) -> None:
    guess = identify(text)
    verdict = detect_in_languages(text, (guess.language,), everywhere=guess.confidence < SURE_LANGUAGE)
    assert verdict is not None and verdict.language == language


@pytest.mark.parametrize(("language", "text"), _cases("calm"))
def test_each_language_keeps_calm_messages_calm(language: str, text: str) -> None:
    guess = identify(text)
    assert detect_in_languages(text, (guess.language, language), everywhere=False) is None
