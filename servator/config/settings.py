"""Settings: every environment variable the product reads, in one object, with its default.

Nothing else in actions/, bot/, nlu/, servator/ or web/ reads the environment (a test holds
that). docs/settings.md is generated from this class (tools/settings_doc.py): each property's
docstring says what its variable means. The properties are grouped by area, one class each
(server_settings, front_end_settings, linking_settings); Settings is all of them.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping

from servator.config.front_end_settings import FrontEndSettings
from servator.config.keys import private_secret
from servator.config.linking_settings import LinkingSettings
from servator.config.server_settings import ServerSettings


class Settings(ServerSettings, FrontEndSettings, LinkingSettings):
    """Typed views of the environment (or of any mapping: tests and child-process environments)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings of this process (`env` None), or of the given environment."""
        return cls(os.environ if env is None else env)


def _hash_key(settings: Settings) -> bytes:
    """SENDER_HASH_KEY, or a random key kept in var/ so hashes stay stable across restarts."""
    if settings.sender_hash_key:
        return settings.sender_hash_key.encode()
    return private_secret(settings.var_dir, "sender_hash.key").encode()


def sender_hash(raw_id: str, env: Mapping[str, str] | None = None) -> str:
    """Keyed hash of a sender or chat id: stable, not reversible without the key."""
    key = _hash_key(Settings.from_env(env))
    return hmac.new(key, str(raw_id).encode(), hashlib.sha256).hexdigest()[:32]
