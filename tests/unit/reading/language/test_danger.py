"""Emergencies in the other languages: 999 first, the past and figures of speech do not fire."""

from __future__ import annotations

import pytest

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
