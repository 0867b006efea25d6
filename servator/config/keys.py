"""Secrets kept in files under var/ when no setting gives them: made once, the same across restarts."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path


def private_secret(folder: Path, name: str) -> str:
    """A random secret kept in folder/name (0600), made on first use, the same across restarts."""
    key_file = folder / name
    if not key_file.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Written in full under a temporary name, then linked into place: a process starting at the
        # same moment sees either no file or the whole secret, and the first link wins.
        fd, temp_name = tempfile.mkstemp(prefix=f".{name}-", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
            with contextlib.suppress(FileExistsError):
                os.link(temp_name, key_file)
        finally:
            os.unlink(temp_name)
    return key_file.read_text().strip()
