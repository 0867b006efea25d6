"""How many of the account fields a message in another language states are read correctly, per
language and field, scored as tools/blind_eval.py scores English fields (free text: at least half
the annotated words found in the value read). Chinese is written without spaces, so its free-text
fields are compared character by character.

    .venv/bin/python -m tools.language_account_eval [BLIND_DIR ...]   # default: every languages-* set
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from reading.account import Account
from reading.account.languages import read_account_in
from tools.blind_eval import BLIND_DIR, FREE_TEXT_FIELDS, evaluation_time, field_correct

SHOWN = ("people", "vehicle", "direction", "registration", "location", "when", "ongoing", "category")


def _by_character(text: Any) -> Any:
    """Han characters apart, as words: "一辆白色的丰田" -> "一 辆 白 色 的 丰 田"."""
    if not isinstance(text, str):
        return text
    return "".join(f" {c} " if "\u3400" <= c <= "\u9fff" else c for c in text)


def correct(language: str, name: str, expected: Any, account: Account) -> bool:
    now = evaluation_time()
    if language == "zh" and name in FREE_TEXT_FIELDS:
        spaced = replace(account, **{name: _by_character(getattr(account, name))})
        return field_correct(name, _by_character(str(expected)), spaced, now)
    return field_correct(name, expected, account, now)


def score(directories: list[Path]) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """language -> (fields stated, fields read correctly), by field name."""
    scores: dict[str, tuple[Counter[str], Counter[str]]] = {}
    now = evaluation_time()
    for directory in directories:
        for path in sorted(directory.glob("*.yml")):
            language = path.stem
            stated, right = scores.setdefault(language, (Counter(), Counter()))
            for item in yaml.safe_load(path.read_text(encoding="utf-8")):
                fields = item.get("fields") or {}
                if not fields:
                    continue
                account = read_account_in(str(item["text"]), language, now)
                for name, expected in fields.items():
                    stated[name] += 1
                    right[name] += correct(language, name, expected, account)
    return scores


def main(argv: list[str]) -> int:
    directories = [Path(arg) for arg in argv] or sorted(BLIND_DIR.glob("languages-*"))
    scores = score(directories)
    print("lang " + " ".join(f"{name[:9]:>10}" for name in SHOWN) + "        all")
    total_stated, total_right = Counter[str](), Counter[str]()
    for language, (stated, right) in sorted(scores.items()):
        total_stated.update(stated)
        total_right.update(right)
        cells = [f"{right[n]:>3}/{stated[n]:<3}" if stated[n] else "      -" for n in SHOWN]
        everything = f"{sum(right.values())}/{sum(stated.values())}"
        print(f"{language:<4} " + " ".join(f"{c:>10}" for c in cells) + f" {everything:>10}")
    shares = [f"{total_right[n] / total_stated[n]:>10.1%}" if total_stated[n] else " " * 10 for n in SHOWN]
    overall = sum(total_right.values()) / max(1, sum(total_stated.values()))
    print("all  " + " ".join(shares) + f" {overall:>10.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
