"""Running `servator reports ...` as an officer does, in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SERVATOR = Path(sys.executable).parent / "servator"


def servator(
    database_url: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`servator reports ARGS` on `database_url` as officer alice (SERVATOR_OFFICER), env added."""
    full_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SERVATOR_OFFICER": "alice",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        **(env or {}),
    }
    done = subprocess.run([str(SERVATOR), "reports", *args], env=full_env, capture_output=True, timeout=120)
    # Decoded by hand: text=True would turn the "\r\n" inside a description into "\n".
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())
