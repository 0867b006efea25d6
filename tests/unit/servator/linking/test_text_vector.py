"""Description vectors: paraphrases are closer than unrelated reports, and empty text matches nothing."""

from __future__ import annotations

from servator.linking import text_vector


def test_paraphrases_are_closer_than_unrelated_reports():
    filming = text_vector.vector(
        "A man was filming the gate and the guards with his phone", "tall, grey hoodie"
    )
    paraphrase = text_vector.vector(
        "Bloke recording the entrance and security staff on a mobile", "tall grey hoody"
    )
    bag = text_vector.vector("A rucksack has been left under the bench", "nobody around")
    [close, far] = text_vector.cosines(filming, [paraphrase, bag])
    assert close > 0.6 and far < 0.2


def test_vectors_are_fixed_size_records_and_empty_text_matches_nothing():
    record = text_vector.vector("a man filming", "")
    assert len(record) == text_vector.RECORD_BYTES
    empty = text_vector.vector("", "")
    assert text_vector.cosines(empty, [record]).tolist() == [0.0]
    assert text_vector.cosines(record, [empty]).tolist() == [0.0]
    long_text = " ".join(f"word{number}" for number in range(200))
    assert len(text_vector.vector(long_text)) == text_vector.RECORD_BYTES
