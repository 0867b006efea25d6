"""Follow-up codes: four groups of Crockford characters, read however typed, kept only as a hash."""

from __future__ import annotations

from reading.references import FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_PATTERN
from servator.storage import find_code, hash_code, new_code, normalised
from servator.storage.followup_codes import code_matches


def test_a_code_is_four_groups_of_four_crockford_characters():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert FOLLOW_UP_CODE_PATTERN.fullmatch(code)
        assert set(code.replace("-", "")) <= set(FOLLOW_UP_CODE_ALPHABET)
    assert not set("ILOU") & set("".join(codes))
    # 32 symbols, 16 of them: 80 bits; every symbol turns up across 200 codes.
    assert len(FOLLOW_UP_CODE_ALPHABET) == 32 and set("".join(codes).replace("-", "")) == set(
        FOLLOW_UP_CODE_ALPHABET
    )


def test_a_code_reads_back_however_it_is_typed():
    assert normalised("7k3m q9xd 2wjp h4tb") == "7K3M-Q9XD-2WJP-H4TB"
    assert normalised("7K3MQ9XD2WJPH4TB") == "7K3M-Q9XD-2WJP-H4TB"
    assert normalised("7K3M-Q9XD-2WJP-H4TO") == "7K3M-Q9XD-2WJP-H4T0"  # O is read as 0
    assert normalised("7K3M-Q9XD-2WJP") is None
    assert normalised("UUUU-Q9XD-2WJP-H4TB") is None
    assert find_code("ref SRV-20261206-YA6WTR and code 7k3m-q9xd-2wjp-h4tb thanks") == "7K3M-Q9XD-2WJP-H4TB"
    assert find_code("I'd like to check on my report please") is None


def test_only_an_argon2_hash_is_kept_and_only_the_right_code_matches_it():
    code = new_code()
    hashed = hash_code(code)
    assert hashed.startswith("$argon2id$") and code not in hashed and code.replace("-", "") not in hashed
    assert code_matches(code, hashed)
    assert not code_matches(new_code(), hashed)
    assert not code_matches(code, None)
    assert not code_matches(None, hashed)
