"""The emergency model's written corpus: read by writer, fingerprinted (nlu/emergency_data.py)."""

from __future__ import annotations

from nlu.emergency_data import (
    corpus_examples,
    external_examples,
    external_fingerprint,
    language_corpus_examples,
)


def test_each_writers_file_gives_its_emergencies_and_the_rest_under_its_name(tmp_path):
    (tmp_path / "written-x.yml").write_text(
        'emergency:\n  - "a man is swinging a machete outside the bank"\nnot_emergency:\n  - "what is the threat level"\n',
        encoding="utf-8",
    )
    assert list(corpus_examples(tmp_path)) == [
        ("a man is swinging a machete outside the bank", True, "written-x"),
        ("what is the threat level", False, "written-x"),
    ]


def test_a_change_to_any_corpus_file_changes_the_fingerprint(tmp_path):
    path = tmp_path / "written-x.yml"
    path.write_text('emergency:\n  - "fire in the lobby"\n', encoding="utf-8")
    before = external_fingerprint(tmp_path)
    path.write_text('emergency:\n  - "fire in the lobby now"\n', encoding="utf-8")
    assert external_fingerprint(tmp_path) != before


def test_the_project_corpus_has_thousands_of_both_kinds():
    examples = external_examples()
    assert sum(positive for _, positive, _ in examples) > 1000
    assert sum(not positive for _, positive, _ in examples) > 1000


def test_a_languages_corpus_is_its_own_files_each_writer_a_source(tmp_path):
    (tmp_path / "es-w1.yml").write_text(
        'emergency:\n  - "fuego"\nnot_emergency:\n  - "hola"\n', encoding="utf-8"
    )
    (tmp_path / "fr-w1.yml").write_text('emergency:\n  - "au feu"\n', encoding="utf-8")
    assert language_corpus_examples("es", tmp_path) == [("fuego", True, "es-w1"), ("hola", False, "es-w1")]


def test_the_english_corpus_does_not_read_the_other_languages():
    assert not any(source.startswith(("es-", "fr-", "zh-")) for _, _, source in external_examples())
