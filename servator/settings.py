"""Runtime settings, all from the environment, with safe local defaults."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SERVATOR_VAR_DIR", ROOT / "var"))


def default_database_url() -> str:
    """SQLite file under var/ (git-ignored); the same default for reports and trackers."""
    return f"sqlite:///{VAR_DIR / 'servator.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    max_message_chars: int
    report_retention_days: int
    statement_timeout_ms: int = 5000
    outbox_dir: str = str(VAR_DIR / "outbox")
    outbox_flush_interval_seconds: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=env.get("DATABASE_URL") or default_database_url(),
            max_message_chars=int(env.get("MAX_MESSAGE_CHARS", "2000")),
            report_retention_days=int(env.get("REPORT_RETENTION_DAYS", "365")),
            statement_timeout_ms=int(env.get("DATABASE_STATEMENT_TIMEOUT_MS", "5000")),
            outbox_dir=env.get("SERVATOR_OUTBOX_DIR") or str(VAR_DIR / "outbox"),
            outbox_flush_interval_seconds=float(env.get("OUTBOX_FLUSH_INTERVAL_SECONDS", "30")),
        )


def _hash_key(env: Mapping[str, str] = os.environ) -> bytes:
    """SENDER_HASH_KEY, or a random key kept in var/ so hashes stay stable across restarts."""
    if env.get("SENDER_HASH_KEY"):
        return env["SENDER_HASH_KEY"].encode()
    key_file = VAR_DIR / "sender_hash.key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return key_file.read_text().strip().encode()


def sender_hash(raw_id: str, env: Mapping[str, str] = os.environ) -> str:
    """Keyed hash of a sender or chat id: stable, not reversible without the key."""
    return hmac.new(_hash_key(env), str(raw_id).encode(), hashlib.sha256).hexdigest()[:32]
