"""The training file made from the written sets is what the sets say now."""

from tools import written_sets


def test_the_written_sets_training_file_is_up_to_date():
    assert written_sets.main(["--check"]) == 0, "run: PYTHONPATH=. .venv/bin/python -m tools.written_sets"


def test_every_written_message_is_trained_under_its_label_once():
    text = written_sets.render()
    lines = [line.strip()[2:] for line in text.splitlines() if line.startswith("      - ")]
    assert len(lines) == len(set(lines))
    assert "  - intent: emergency\n" in text and "  - intent: out_of_scope\n" in text


def test_no_message_of_a_set_that_still_measures_is_trained_on():
    import yaml

    trained = {
        line.strip()[2:].lower() for line in written_sets.render().splitlines() if line.startswith("      - ")
    }
    measuring = written_sets.measuring_sets()
    assert measuring, "at least one blind set still measures"
    assert all(path.stem not in written_sets.RETIRED for path in measuring)
    for path in measuring:
        texts = {
            " ".join(str(item["text"]).split()).lower() for item in yaml.safe_load(path.read_text("utf-8"))
        }
        assert not texts & trained, path.name
