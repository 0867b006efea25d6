"""The shape of a report reference: made by servator.storage, counted by the web chat's report limit.

In reading, the bottom layer, so the web chat, storage and the NLU gates read the same definition.
"""

from __future__ import annotations

from reading import regex

# No 0/O/1/I: references are read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# What new_reference makes, and nothing else: use .fullmatch to check one, .search to find one.
REFERENCE_PATTERN = regex.compile(rf"SRV-\d{{8}}-[{REFERENCE_ALPHABET}]{{6}}")

# A follow-up code (docs: DESIGN.md, "follow-up"): 16 characters of Crockford's base32 (0-9 and A-Z
# without I, L, O, U) in four groups of four, e.g. 7K3M-Q9XD-2WJP-H4TB. The web chat keeps one whole.
FOLLOW_UP_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Read as Crockford's alphabet forgives: O for 0, I or L for 1.
CROCKFORD_READS_FROM = {"O": "0", "I": "1", "L": "1"}
CROCKFORD_READS = str.maketrans(CROCKFORD_READS_FROM)
FOLLOW_UP_CODE_PATTERN = regex.compile(
    rf"[{FOLLOW_UP_CODE_ALPHABET}]{{4}}(?:-[{FOLLOW_UP_CODE_ALPHABET}]{{4}}){{3}}"
)


def gives_reference_and_code(text: str | None) -> bool:
    """A message that holds a report's reference and a follow-up code, as pasted from the
    confirmation ("SRV-20261114-KP7R2Q 3HXT-9WQD-M2LC-7BNA"): someone checking on their report."""
    upper = (text or "").upper()
    rest = REFERENCE_PATTERN.sub(" ", upper).translate(CROCKFORD_READS)
    return bool(REFERENCE_PATTERN.search(upper)) and bool(FOLLOW_UP_CODE_PATTERN.search(rest))


# A reference or a code as anyone may type them, in any case and with the letters Crockford's
# alphabet forgives: they say nothing of a language.
_CODE_TYPED = FOLLOW_UP_CODE_ALPHABET + "".join(CROCKFORD_READS_FROM)
_TYPED_CREDENTIALS = regex.compile(
    rf"\b{REFERENCE_PATTERN.pattern}\b|\b[{_CODE_TYPED}]{{4}}(?:-[{_CODE_TYPED}]{{4}}){{3}}\b",
    ignore_case=True,
)


def without_references(text: str) -> str:
    """`text` with any report reference or follow-up code taken out."""
    return _TYPED_CREDENTIALS.sub(" ", text)
