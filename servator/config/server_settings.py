"""The settings of storage, of what the assistant says and of the servers `servator run` starts."""

from __future__ import annotations

from pathlib import Path

from servator.config.constants import (
    DEFAULT_ACTIONS_PORT,
    DEFAULT_RASA_PORT,
    DEFAULT_RASA_URL,
    ROOT,
    WEBCHAT_MAX_RASA_WAIT_SECONDS,
)
from servator.config.environment import EnvironmentReader
from servator.config.keys import private_secret


class ServerSettings(EnvironmentReader):
    """Storage and files, what the assistant says, the servers."""

    # Storage and files
    @property
    def var_dir(self) -> Path:
        """SERVATOR_VAR_DIR: where the SQLite file, the hash key and rendered endpoints live."""
        return Path(self._text("SERVATOR_VAR_DIR") or ROOT / "var")

    @property
    def database_url(self) -> str:
        """DATABASE_URL: reports and Rasa's tracker store; an SQLite file under var/ by default."""
        return self._text("DATABASE_URL") or f"sqlite:///{self.var_dir / 'servator.db'}"

    @property
    def outbox_dir(self) -> str:
        """SERVATOR_OUTBOX_DIR: where reports wait while the database is unreachable."""
        return self._text("SERVATOR_OUTBOX_DIR") or str(self.var_dir / "outbox")

    @property
    def outbox_flush_interval_seconds(self) -> float:
        """OUTBOX_FLUSH_INTERVAL_SECONDS: how often the action server stores the reports waiting there."""
        return self._number("OUTBOX_FLUSH_INTERVAL_SECONDS", "30")

    @property
    def statement_timeout_ms(self) -> int:
        """DATABASE_STATEMENT_TIMEOUT_MS: PostgreSQL cancels a statement running longer."""
        return self._whole_number("DATABASE_STATEMENT_TIMEOUT_MS", "5000")

    @property
    def metrics_dir(self) -> str:
        """PROMETHEUS_MULTIPROC_DIR: the private folder where every process of the stack keeps its
        metrics (`servator run` sets var/metrics-PORT/ and empties it at start; "" = alone)."""
        return self._text("PROMETHEUS_MULTIPROC_DIR")

    @property
    def sender_hash_key(self) -> str:
        """SENDER_HASH_KEY: the key for hashing sender ids (Telegram ids, web sessions); "" = a random
        key kept in var/sender_hash.key."""
        return self._text("SENDER_HASH_KEY")

    @property
    def report_retention_days(self) -> int:
        """REPORT_RETENTION_DAYS: `servator run` deletes older reports (at start, then daily)."""
        return self._whole_number("REPORT_RETENTION_DAYS", "365")

    @property
    def conversation_retention_days(self) -> int:
        """CONVERSATION_RETENTION_DAYS: `servator run` deletes older conversation events."""
        return self._whole_number("CONVERSATION_RETENTION_DAYS", "30")

    # What the assistant says
    @property
    def max_message_chars(self) -> int:
        """MAX_MESSAGE_CHARS: a longer message gets a length message instead of being processed."""
        return self._whole_number("MAX_MESSAGE_CHARS", "2000")

    @property
    def threat_level(self) -> str:
        """THREAT_LEVEL: the UK threat level the bot quotes, lower-cased ("" = the contacts file's)."""
        return self._text("THREAT_LEVEL").lower()

    @property
    def threat_level_as_of(self) -> str:
        """THREAT_LEVEL_AS_OF: the date of THREAT_LEVEL ("": the contacts file's)."""
        return self._text("THREAT_LEVEL_AS_OF")

    # The servers
    @property
    def rasa_port(self) -> int:
        """RASA_PORT: Rasa's HTTP server (the REST channel)."""
        return self._whole_number("RASA_PORT", str(DEFAULT_RASA_PORT))

    @property
    def actions_port(self) -> int:
        """ACTIONS_PORT: the action server, on ACTIONS_HOST."""
        return self._whole_number("ACTIONS_PORT", str(DEFAULT_ACTIONS_PORT))

    @property
    def webchat_port(self) -> int:
        """WEBCHAT_PORT: the web chat, on 127.0.0.1."""
        return self._whole_number("WEBCHAT_PORT", "8080")

    @property
    def rasa_url(self) -> str:
        """RASA_URL: where the front ends find Rasa's REST channel."""
        return self._text("RASA_URL", DEFAULT_RASA_URL).rstrip("/")

    @property
    def rasa_timeout_seconds(self) -> float:
        """RASA_TIMEOUT_SECONDS: how long the Telegram bot (and the web chat, at most 20 s) waits for
        Rasa before answering with the safety message."""
        return self._number("RASA_TIMEOUT_SECONDS", "30")

    @property
    def webchat_rasa_timeout_seconds(self) -> float:
        """The same, for the web chat: at most WEBCHAT_MAX_RASA_WAIT_SECONDS."""
        return min(self.rasa_timeout_seconds, WEBCHAT_MAX_RASA_WAIT_SECONDS)

    @property
    def actions_host(self) -> str:
        """ACTIONS_HOST: the action server's interface (rasa-sdk's own default is every interface)."""
        return self._text("ACTIONS_HOST", "127.0.0.1")

    @property
    def action_server_token(self) -> str:
        """ACTION_SERVER_TOKEN: the token Rasa sends the action server; any other call gets 401
        ("" = a random one kept in var/action_server.key)."""
        return self._text("ACTION_SERVER_TOKEN")

    def action_server_secret(self) -> str:
        """The token Rasa sends the action server: ACTION_SERVER_TOKEN or var/action_server.key."""
        return self.action_server_token or private_secret(self.var_dir, "action_server.key")

    @property
    def front_end_token(self) -> str:
        """FRONT_END_TOKEN: the token the Telegram bot and the web chat show the REST channel with a
        shared location or photo ("" = a random one kept in var/front_end.key)."""
        return self._text("FRONT_END_TOKEN")

    def front_end_secret(self) -> str:
        """The token the Telegram front end shows Rasa: FRONT_END_TOKEN or var/front_end.key."""
        return self.front_end_token or private_secret(self.var_dir, "front_end.key")
