"""London names the gazetteer does not list (london.yml): districts, streets said without a street
word, and sites people type in lower case ("on cheapside", "in walthamstow", "at the bank of
england"). Only the account reader uses them, to find where a text places what it tells."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reading import regex
from reading.yaml_data import read_yaml

LONDON_FILE = Path(__file__).with_name("london.yml")
KINDS = ("areas", "streets", "landmarks")


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """Every name in lower case -> its kind (areas, streets or landmarks)."""
    data = read_yaml(LONDON_FILE)
    return {str(name).lower(): kind for kind in KINDS for name in data[kind]}


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    names = sorted(kinds(), key=len, reverse=True)  # "camden market" before "camden"
    return regex.compile(r"(?i)\b(" + "|".join(regex.escape(name) for name in names) + r")\b")


def found(text: str) -> list[tuple[int, int, str]]:
    """Where the text names a place of this list: (start, end, kind)."""
    return [(m.start(1), m.end(1), kinds()[m.group(1).lower()]) for m in _pattern().finditer(text)]
