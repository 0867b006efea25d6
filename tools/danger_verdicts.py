"""The English danger detector's verdict on every training and held-out example, to check that a
change to its rules changes nothing there (only the sets it was meant for).

    PYTHONPATH=. .venv/bin/python -m tools.danger_verdicts save OUT.json     # this tree's verdicts
    PYTHONPATH=. .venv/bin/python -m tools.danger_verdicts compare BEFORE.json AFTER.json

Run `save` in the tree before the change and in the tree after it, then `compare`: it prints each
example whose verdict or reasons changed (file, intent, reasons before and after, the text).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from servator.config.constants import ROOT

_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
HELD_OUT = ("nlu_heldout.yml", "everyday_heldout.yml")
DETECTOR_SETS = ("emergency_heldout.yml", "non_emergency_heldout.yml")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("text", "answer") or isinstance(item, (list, dict)):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def examples(root: Path = ROOT) -> Iterator[tuple[str, str, str]]:
    """(file, intent, text) for the training data, the held-out sets and the form answers."""
    nlu_files = sorted((root / "data" / "nlu").glob("*.yml")) + [
        root / "tests" / "data" / n for n in HELD_OUT
    ]
    for path in nlu_files:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            listed = block.get("examples")
            if not isinstance(listed, str):
                continue
            for line in listed.splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield path.name, str(block.get("intent", "")), _ANNOTATION.sub(r"\1", line[2:])
    for name in DETECTOR_SETS:
        for text in yaml.safe_load((root / "tests" / "data" / name).read_text(encoding="utf-8"))["examples"]:
            yield name, "", str(text)
    answers = yaml.safe_load((root / "tests" / "data" / "form_answers.yml").read_text(encoding="utf-8"))
    for text in _strings(answers):
        yield "form_answers.yml", "", text


def save(out: Path) -> int:
    from reading.danger import DangerDetector

    detector = DangerDetector()
    verdicts = [[f, i, t, list(detector.detect(t).reasons)] for f, i, t in examples()]
    out.write_text(json.dumps(verdicts, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(verdicts)} examples; {sum(bool(v[3]) for v in verdicts)} fire")
    return 0


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    if [v[:3] for v in old] != [v[:3] for v in new]:
        print("the two files hold different examples")
        return 2
    changed = [(o, n) for o, n in zip(old, new) if o[3] != n[3]]
    for o, n in changed:
        print(f"{o[0]} {o[1]}: {o[3]} -> {n[3]} | {o[2][:150]}")
    flipped = sum(bool(o[3]) != bool(n[3]) for o, n in changed)
    print(f"{len(changed)} of {len(old)} changed reasons; {flipped} changed whether it fires")
    return 1 if flipped else 0


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    raise SystemExit(save(Path(paths[0])) if command == "save" else compare(Path(paths[0]), Path(paths[1])))
