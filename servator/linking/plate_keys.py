"""Index keys for registrations that are nearly the same or only partly known, and what differs.

Each report with a UK plate stores, in `plate_keys`, its deletion-neighbourhood keys ("D:" and the
plate's key with one character left out: seven for a seven-character plate) and its key reversed
("R:", for "ends in ..."). Two plates one substitution or one swap of neighbours apart always share a
deletion key, so the near-miss look-up is one indexed IN of seven keys, never a scan. A report with
part of a plate stores "P:" plus what the plate starts with, or "S:" plus what it ends with; a whole
plate finds them through its own prefixes and suffixes.
"""

from __future__ import annotations

from dataclasses import dataclass

from reading.plate_text import START, PartialPlate

UK_PREFIX = "U:"
_FOLD = str.maketrans({"O": "0", "I": "1"})
# Characters read one for another at a distance or typed one for another, as they stand in a key
# (O and I are folded into 0 and 1 there, so L/I is L/1 and D/O is D/0).
CONFUSABLE = frozenset(
    frozenset(pair)
    for pair in (
        "L1",
        "8B",
        "5S",
        "MN",
        "D0",
        "Q0",
        "2Z",
        "6G",
        "UV",
        "EF",
        "PR",
        "CG",
        "17",
        "T1",
        "38",
        "HN",
    )
)
MIN_PARTIAL = 2


def fold(characters: str) -> str:
    return "".join(characters.upper().split()).translate(_FOLD)


def _body(key: str) -> str | None:
    return key[len(UK_PREFIX) :] if key.startswith(UK_PREFIX) else None


def deletion_keys(key: str) -> list[str]:
    """ "D:" + the UK key with one character left out, each distinct variant once ([] for other plates)."""
    body = _body(key)
    if body is None:
        return []
    return sorted({"D:" + body[:i] + body[i + 1 :] for i in range(len(body))})


def reversed_key(key: str) -> str | None:
    body = _body(key)
    return "R:" + body[::-1] if body else None


def stored_keys(registration_key: str | None, partial: PartialPlate | None) -> list[str]:
    """Every plate_keys row of one report."""
    if registration_key:
        tail = reversed_key(registration_key)
        return deletion_keys(registration_key) + ([tail] if tail else [])
    if partial is not None and len(partial.characters) >= MIN_PARTIAL:
        return [partial_key(partial)]
    return []


def partial_key(partial: PartialPlate) -> str:
    return ("P:" if partial.where == START else "S:") + fold(partial.characters)


def partial_keys_matching(key: str) -> list[str]:
    """The partial keys a whole UK plate is consistent with: its starts and its ends."""
    body = _body(key)
    if body is None:
        return []
    return [f"P:{body[:n]}" for n in range(MIN_PARTIAL, len(body))] + [
        f"S:{body[-n:]}" for n in range(MIN_PARTIAL, len(body))
    ]


def fits(partial: PartialPlate, key: str) -> bool:
    body, characters = _body(key), fold(partial.characters)
    if body is None:
        return False
    return body.startswith(characters) if partial.where == START else body.endswith(characters)


@dataclass(frozen=True)
class Difference:
    """How two UK plates of the same length differ: one character (`swap` False) or two swapped neighbours."""

    position: int
    swap: bool
    confusable: bool


def difference(key_a: str, key_b: str) -> Difference | None:
    """One substitution or one swap of neighbours between two UK keys; None for anything else."""
    body_a, body_b = _body(key_a), _body(key_b)
    if body_a is None or body_b is None or len(body_a) != len(body_b) or body_a == body_b:
        return None
    differing = [i for i, (a, b) in enumerate(zip(body_a, body_b)) if a != b]
    if len(differing) == 1:
        i = differing[0]
        return Difference(i, False, frozenset((body_a[i], body_b[i])) in CONFUSABLE)
    if (
        len(differing) == 2
        and differing[1] == differing[0] + 1
        and body_a[differing[0]] == body_b[differing[1]]
        and body_a[differing[1]] == body_b[differing[0]]
    ):
        return Difference(differing[0], True, False)
    return None


def one_character_apart(key_a: str, key_b: str) -> bool:
    """Two UK keys that differ by one character or two swapped neighbours."""
    return difference(key_a, key_b) is not None
