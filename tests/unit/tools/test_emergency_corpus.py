"""The emergency model trains on copies of the older blind sets: they must say what the sets say."""

from __future__ import annotations

from tools.emergency_corpus import BLIND_SETS, copy_of, main


def test_the_copies_of_the_blind_sets_are_up_to_date():
    assert main("check") == 0, "run: PYTHONPATH=. .venv/bin/python -m tools.emergency_corpus write"


def test_a_copy_keeps_every_message_with_its_label():
    import yaml

    for blind_set in BLIND_SETS:
        items = yaml.safe_load(blind_set.read_text(encoding="utf-8"))
        copied = yaml.safe_load(copy_of(blind_set)[1])
        assert len(copied["emergency"]) == sum(i["intent"] == "emergency" for i in items)
        assert len(copied["emergency"]) + len(copied["not_emergency"]) == len(items)
