"""Where the words about people run on (reading/account/described.py): someone unknown to the
speaker, and a group described one by one. Sentences written for this test."""

from __future__ import annotations

import pytest

from reading.account import read_account


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "a woman I had never seen before asked our cleaner when the alarm is set",
            "a woman I had never seen before",
        ),
        (
            "two men, one in a grey tracksuit and one in a long black coat, filmed the gate",
            "two men, one in a grey tracksuit and one in a long black coat",
        ),
    ],
)
def test_the_description_runs_on(text, people):
    assert read_account(text).people == people


def test_a_new_clause_ends_the_description():
    people = read_account("a man I'd never seen before. He filmed the barriers for an hour").people
    assert people is not None and "filmed" not in people
