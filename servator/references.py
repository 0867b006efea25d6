"""The shape of a report reference: made by servator.storage, counted by the web chat's report limit.

Its own module so the web chat, which may not import storage, reads the same definition.
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
FOLLOW_UP_CODE_PATTERN = regex.compile(
    rf"[{FOLLOW_UP_CODE_ALPHABET}]{{4}}(?:-[{FOLLOW_UP_CODE_ALPHABET}]{{4}}){{3}}"
)
