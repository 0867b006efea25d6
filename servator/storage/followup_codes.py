"""Follow-up codes: made from `secrets`, kept only as argon2 hashes, read back however they are typed.

A code is 16 characters of Crockford's base32 (80 bits) in four groups of four, e.g.
7K3M-Q9XD-2WJP-H4TB. Reading one forgives what Crockford's alphabet forgives: lower case, spaces
or no dashes, O for 0 and I or L for 1.
"""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from reading import regex
from reading.references import CROCKFORD_READS, FOLLOW_UP_CODE_ALPHABET

CODE_GROUPS = 4
GROUP_CHARS = 4
_hasher = PasswordHasher()
# Words of letters and digits, with any dashes inside them ("7K3M-Q9XD-2WJP-H4TB" is one word).
_WORD = regex.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")


def new_code() -> str:
    """A fresh code: 16 characters chosen by `secrets`, shown as XXXX-XXXX-XXXX-XXXX."""
    chars = "".join(secrets.choice(FOLLOW_UP_CODE_ALPHABET) for _ in range(CODE_GROUPS * GROUP_CHARS))
    return "-".join(chars[i : i + GROUP_CHARS] for i in range(0, len(chars), GROUP_CHARS))


def normalised(typed: str) -> str | None:
    """The code as new_code writes it, or None when `typed` is not 16 code characters."""
    candidate = typed.strip().upper().replace(" ", "").replace("-", "").translate(CROCKFORD_READS)
    if len(candidate) != CODE_GROUPS * GROUP_CHARS or any(
        c not in FOLLOW_UP_CODE_ALPHABET for c in candidate
    ):
        return None
    return "-".join(candidate[i : i + GROUP_CHARS] for i in range(0, len(candidate), GROUP_CHARS))


def find_code(text: str) -> str | None:
    """The follow-up code in a message ("ref SRV-… code 7k3m q9xd 2wjp h4tb"), normalised, or None.

    A code written as one word (with its dashes, or none) is taken first; else four words of four
    characters in a row, the run with the most digits when several could be one ("code 7k3m ...").
    """
    words = [str(word) for word in _WORD.findall(text)]
    for word in words:
        code = normalised(word) if len(word.replace("-", "")) == CODE_GROUPS * GROUP_CHARS else None
        if code is not None:
            return code
    runs = [
        words[i : i + CODE_GROUPS]
        for i in range(len(words) - CODE_GROUPS + 1)
        if all(len(word) == GROUP_CHARS for word in words[i : i + CODE_GROUPS])
    ]
    candidates = [("".join(run), normalised("".join(run))) for run in runs]
    typed = [(sum(c.isdigit() for c in raw), code) for raw, code in candidates if code is not None]
    return max(typed, key=lambda found: found[0])[1] if typed else None


def hash_code(code: str) -> str:
    """The argon2id hash kept instead of the code."""
    return _hasher.hash(code)


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked against when a reference has no code, so that takes as long as a wrong code."""
    return _hasher.hash(new_code())


def code_matches(code: str | None, code_hash: str | None) -> bool:
    """True when `code` is the one `code_hash` was made from (always doing one argon2 check)."""
    try:
        return _hasher.verify(code_hash or _dummy_hash(), code or "") and code_hash is not None
    except (VerificationError, InvalidHashError):
        return False
