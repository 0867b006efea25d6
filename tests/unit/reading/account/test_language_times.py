"""A day, a part of the day and a clock time in another language, said in English for the English
rules of times (reading/account/language_times.py)."""

from __future__ import annotations

import pytest

from reading.account.language_times import in_english
from reading.language.phrases import PhraseList

DAYS = {"yesterday": PhraseList(["ieri"], "it"), "two_days_ago": PhraseList(["altro ieri"], "it")}
PARTS = {"evening": PhraseList(["sera"], "it"), "morning": PhraseList(["mattina"], "it")}


@pytest.mark.parametrize(
    ("phrase", "english"),
    [
        ("ieri sera verso le 8", "yesterday at 20:00"),
        ("ieri sera", "yesterday evening"),
        ("ieri alle 14 30", "yesterday at 14:30"),
        ("stamattina alle 9", "at 9"),
        ("sera", "in the evening"),
        ("l'altro ieri sera", "2 days ago at 19:00"),
        ("una cosa strana", None),
    ],
)
def test_a_day_a_part_and_a_clock_are_said_in_english(phrase: str, english: str | None) -> None:
    assert in_english(phrase, DAYS, PARTS) == english


def test_chinese_clock_times_are_read() -> None:
    days = {"yesterday": PhraseList(["昨天"], "zh")}
    parts = {"evening": PhraseList(["晚上"], "zh")}
    assert in_english("昨天晚上八点半", days, parts) == "yesterday at 20:30"
