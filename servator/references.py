"""The shape of a report reference: made by servator.storage, counted by the web chat's report limit.

Its own module so the web chat, which may not import storage, reads the same definition.
"""

from __future__ import annotations

from reading import regex

# No 0/O/1/I: references are read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# What new_reference makes, and nothing else: use .fullmatch to check one, .search to find one.
REFERENCE_PATTERN = regex.compile(rf"SRV-\d{{8}}-[{REFERENCE_ALPHABET}]{{6}}")
