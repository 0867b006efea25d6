"""Scores the understanding on a blind set: messages written by someone who never saw the training
data or the rules (format: /work/blind/GUIDE.md's YAML, kept in tests/data/blind/).

Figures: intent accuracy (the full answer key, faq/aim not just faq), out-of-scope
recall and the in-scope messages lost to out-of-scope, emergency recall and false emergency
answers, the messages answered as they ask after a first line saying to call 999 (nlu/caution.py),
and how many of the account fields a message states are read correctly. The figures go
to stdout; to stderr, each intent missed (`expected -> got text`), then each field read wrong,
by field (`field: 'expected' -> 'got'  text`).

    .venv/bin/python -m tools.blind_eval [BLIND_SET.yml ...]   # default: every set in tests/data/blind/
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from reading.account import Account, read_account
from reading.account.words import MOVING_WORDS
from reading.intents import EMERGENCY_INTENT
from reading.london import LONDON
from reading.places import lookup
from reading.when import read_when
from servator.config.constants import ROOT
from tools.nlu_eval import Parse, label

BLIND_DIR = ROOT / "tests" / "data" / "blind"
OUT_OF_SCOPE = "out_of_scope"
FREE_TEXT_FIELDS = ("location", "people", "vehicle", "direction")
_STOP = frozenset(
    "a an the of on in at to by near outside and with was were is are he she they it his her their "
    "one some".split()
)


@dataclass
class BlindScores:
    examples: int
    intent_accuracy: float
    out_of_scope_recall: float
    in_scope_lost_to_out_of_scope: float
    emergency_recall: float
    false_emergency_rate: float
    # Answered as they ask, after a first line that says to call 999 (nlu/caution.py): calm
    # messages, and emergencies (a miss of the full 999 answer, though 999 still comes first).
    caution_first_calm: int
    caution_first_emergencies: int
    fields_stated: int
    field_accuracy: float
    field_accuracy_by_field: dict[str, float] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    misses: list[dict[str, str]] = field(default_factory=list)
    field_misses: list[dict[str, str]] = field(default_factory=list)


def load(paths: list[Path]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in paths:
        items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def _words(text: str | None) -> set[str]:
    cleaned = "".join(c if c.isalnum() else " " for c in (text or "").lower())
    return {word for word in cleaned.split() if word not in _STOP}


def evaluation_time() -> datetime:
    """Accounts are read as if sent late today: a blind writer's "today at 14:00" is past then."""
    return datetime.now(LONDON).replace(hour=23, minute=30, second=0, microsecond=0)


def field_correct(name: str, expected: Any, account: Account, now: datetime | None = None) -> bool:
    """Whether the account reader's value for `name` says what the annotation says."""
    expected_text = str(expected).strip()
    if name == "ongoing":
        return account.ongoing == expected_text.lower()
    if name == "category":
        return account.category == expected_text
    if name == "registration":
        return (account.registration or "").replace(" ", "") == expected_text.replace(" ", "").upper()
    if name == "when":
        moment = read_when(expected_text, now).moment
        got = read_when(account.when or "", now).moment
        if moment is not None and got is not None:
            return abs((moment - got).total_seconds()) <= 15 * 60
        return bool(_words(expected_text) & _words(account.when))
    value = getattr(account, name, None)
    if name == "location":
        place = lookup(expected_text)
        if place is not None and account.place == place.name:
            return True
    wanted, got_words = _words(expected_text), _words(value)
    if name == "direction":  # "rode off east" says "east": the moving verb is not where they went
        wanted, got_words = wanted - MOVING_WORDS or wanted, got_words - MOVING_WORDS
    if not wanted:  # only small words ("outside"): the words themselves
        return bool(value) and expected_text.lower() in str(value).lower()
    return len(wanted & got_words) / len(wanted) >= 0.5


def evaluate_blind(items: list[dict[str, Any]], parse: Parse) -> BlindScores:
    results = [parse(str(item["text"])) for item in items]
    predicted = [label(result) for result in results]
    cautioned = [bool((result.get("danger") or {}).get("caution")) for result in results]
    truth = [str(item["intent"]) for item in items]
    pairs = list(zip(truth, predicted))
    oos = [p for t, p in pairs if t == OUT_OF_SCOPE]
    in_scope = [p for t, p in pairs if t != OUT_OF_SCOPE]
    emergencies = [p for t, p in pairs if t == EMERGENCY_INTENT]
    calm = [p for t, p in pairs if t != EMERGENCY_INTENT]
    stated, correct = Counter[str](), Counter[str]()
    field_misses: list[dict[str, str]] = []
    now = evaluation_time()
    for item in items:
        fields = item.get("fields") or {}
        if not fields:
            continue
        account = read_account(str(item["text"]), now)
        for name, expected in fields.items():
            stated[name] += 1
            right = field_correct(name, expected, account, now)
            correct[name] += right
            if not right:
                got = getattr(account, name, None)
                field_misses.append(
                    {
                        "field": name,
                        "expected": str(expected),
                        "got": str(got),
                        "text": str(item["text"])[:160],
                    }
                )
    confusions = Counter((t, p) for t, p in pairs if t != p)
    return BlindScores(
        examples=len(items),
        intent_accuracy=round(sum(t == p for t, p in pairs) / len(pairs), 4),
        out_of_scope_recall=round(sum(p == OUT_OF_SCOPE for p in oos) / max(1, len(oos)), 4),
        in_scope_lost_to_out_of_scope=round(
            sum(p == OUT_OF_SCOPE for p in in_scope) / max(1, len(in_scope)), 4
        ),
        emergency_recall=round(sum(p == EMERGENCY_INTENT for p in emergencies) / max(1, len(emergencies)), 4),
        false_emergency_rate=round(sum(p == EMERGENCY_INTENT for p in calm) / max(1, len(calm)), 4),
        caution_first_calm=sum(c for c, t in zip(cautioned, truth) if t != EMERGENCY_INTENT),
        caution_first_emergencies=sum(c for c, t in zip(cautioned, truth) if t == EMERGENCY_INTENT),
        fields_stated=sum(stated.values()),
        field_accuracy=round(sum(correct.values()) / max(1, sum(stated.values())), 4),
        field_accuracy_by_field={name: round(correct[name] / stated[name], 3) for name in sorted(stated)},
        confusions=[(t, p, n) for (t, p), n in confusions.most_common(25)],
        misses=[
            {"text": str(item["text"])[:160], "expected": t, "got": p}
            for item, (t, p) in zip(items, pairs)
            if t != p
        ],
        field_misses=field_misses,
    )


def main(argv: list[str]) -> int:
    from servator.rasa_runtime.training import train_if_needed, use_rasa_process_env
    from tools.nlu_eval import ModelParser

    use_rasa_process_env()
    logging.disable(logging.INFO)  # Rasa logs every parse at debug level
    paths = [Path(arg) for arg in argv] or sorted(BLIND_DIR.glob("*.yml"))
    parser = ModelParser(train_if_needed())
    try:
        scores = evaluate_blind(load(paths), parser)
    finally:
        parser.close()
    summary = asdict(scores)
    misses = summary.pop("misses")
    field_misses = summary.pop("field_misses")
    print(json.dumps(summary, indent=1))
    for miss in misses:
        print(f"{miss['expected']:>28} -> {miss['got']:<28} {miss['text']}", file=sys.stderr)
    for miss in sorted(field_misses, key=lambda m: m["field"]):  # the kinds of mistake together
        print(f"{miss['field']}: {miss['expected']!r} -> {miss['got']!r}  {miss['text']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
