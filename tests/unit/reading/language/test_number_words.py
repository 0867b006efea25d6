"""Relative times with numbers written as words, in the languages dateparser reads."""

from __future__ import annotations

from datetime import datetime

import pytest

from reading.language.number_words import relative_time_digits
from reading.london import LONDON
from reading.when import read_when

NOW = datetime(2026, 7, 14, 15, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "language", "clock"),
    [
        ("hace diez minutos", "es", "14:50"),
        ("hace veinticinco minutos", "es", "14:35"),
        ("hace veinte y cinco minutos", "es", "14:35"),
        ("hace media hora", "es", "14:30"),
        ("hace un cuarto de hora", "es", "14:45"),
        ("hace dos horas", "es", "13:00"),
        ("il y a dix minutes", "fr", "14:50"),
        ("il y a vingt-cinq minutes", "fr", "14:35"),
        ("il y a une demi-heure", "fr", "14:30"),
        ("dieci minuti fa", "it", "14:50"),
        ("mezz'ora fa", "it", "14:30"),
        ("há dez minutos", "pt", "14:50"),
        ("vinte e cinco minutos atrás", "pt", "14:35"),
        ("acum zece minute", "ro", "14:50"),
        ("acum douăzeci de minute", "ro", "14:40"),
        ("acum doua ore", "ro", "13:00"),
        ("dziesięć minut temu", "pl", "14:50"),
        ("pół godziny temu", "pl", "14:30"),
        ("on dakika önce", "tr", "14:50"),
        ("yarım saat önce", "tr", "14:30"),
        ("قبل عشر دقائق", "ar", "14:50"),
        ("قبل ساعتين", "ar", "13:00"),
        ("十分钟前", "zh", "14:50"),
        ("两个小时前", "zh", "13:00"),
        ("দশ মিনিট আগে", "bn", "14:50"),
        ("দুই ঘণ্টা আগে", "bn", "13:00"),
    ],
)
def test_relative_times_with_number_words_are_read(text: str, language: str, clock: str) -> None:
    reading = read_when(text, NOW, language)
    assert reading.moment is not None, text
    assert reading.moment.strftime("%H:%M") == clock


@pytest.mark.parametrize(
    ("text", "language"),
    [("un hombre con dos perros", "es"), ("une femme et deux enfants", "fr"), ("on kişi", "tr")],
)
def test_number_words_away_from_a_unit_of_time_stay_words(text: str, language: str) -> None:
    assert relative_time_digits(text, language) == text
