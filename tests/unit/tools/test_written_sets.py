"""The training file made from the written sets is what the sets say now."""

from tools import written_sets


def test_the_written_sets_training_file_is_up_to_date():
    assert written_sets.main(["--check"]) == 0, "run: PYTHONPATH=. .venv/bin/python -m tools.written_sets"


def test_every_written_message_is_trained_under_its_label_once():
    text = written_sets.render()
    lines = [line.strip()[2:] for line in text.splitlines() if line.startswith("      - ")]
    assert len(lines) == len(set(lines))
    assert "  - intent: emergency\n" in text and "  - intent: out_of_scope\n" in text
