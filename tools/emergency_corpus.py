"""Copies the older blind sets' messages into the emergency model's corpus, labelled `emergency`
or not (nlu/emergency_data.py): the product reads nothing under tests/, so the model trains on a
copy. The newest blind set is left out: it measures the model.

    PYTHONPATH=. .venv/bin/python -m tools.emergency_corpus write   # (re)write the copies
    PYTHONPATH=. .venv/bin/python -m tools.emergency_corpus check   # exit 1 when they differ
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from nlu.emergency_data import CORPUS_DIR, EMERGENCY, NOT_EMERGENCY
from servator.config.constants import ROOT

BLIND_SETS = tuple(ROOT / "tests" / "data" / "blind" / f"en-2026-12-06{v}.yml" for v in "bcdef")
HEADER = "# Copied from tests/data/blind/{name} by `python -m tools.emergency_corpus write`: do not edit.\n"


def copy_of(blind_set: Path) -> tuple[Path, str]:
    """The corpus file for a blind set, and the text it should hold."""
    items = yaml.safe_load(blind_set.read_text(encoding="utf-8")) or []
    labelled = {
        EMERGENCY: [str(i["text"]) for i in items if i.get("intent") == EMERGENCY],
        NOT_EMERGENCY: [str(i["text"]) for i in items if i.get("intent") != EMERGENCY],
    }
    body = yaml.safe_dump(labelled, allow_unicode=True, sort_keys=False, width=1000)
    return CORPUS_DIR / f"blind-{blind_set.stem}.yml", HEADER.format(name=blind_set.name) + body


def main(command: str) -> int:
    stale = 0
    for blind_set in BLIND_SETS:
        path, text = copy_of(blind_set)
        if command == "write":
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path.relative_to(ROOT)} differs from {blind_set.relative_to(ROOT)}")
            stale += 1
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "check"))
