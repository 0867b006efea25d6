"""The language accounts' field scoring: Chinese free text is compared character by character,
since it has no spaces between words."""

from __future__ import annotations

from reading.account import Account
from tools.language_account_eval import correct


def test_chinese_free_text_is_scored_by_characters():
    assert correct("zh", "people", "一个穿灰色卫衣的年轻男子", Account(people="一个穿灰色卫衣的男子"))
    assert not correct("zh", "people", "一个穿灰色卫衣的年轻男子", Account(people="有人"))


def test_other_languages_are_scored_as_english_fields():
    assert correct("es", "vehicle", "una furgoneta blanca", Account(vehicle="una furgoneta blanca"))
    assert not correct("es", "vehicle", "una furgoneta blanca", Account(vehicle="un coche"))
