"""The training file made from retired blind sets is what the sets say now."""

from tools import retired_sets


def test_the_retired_sets_training_file_is_up_to_date():
    assert retired_sets.main(["--check"]) == 0, "run: PYTHONPATH=. .venv/bin/python -m tools.retired_sets"


def test_every_message_of_a_retired_set_is_trained_under_its_label_once():
    text = retired_sets.render()
    lines = [line.strip()[2:] for line in text.splitlines() if line.startswith("      - ")]
    assert len(lines) == len(set(lines))
    assert "  - intent: emergency\n" in text and "  - intent: out_of_scope\n" in text
