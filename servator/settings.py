"""Settings: every environment variable the product reads, in one object, with its default.

Nothing else in actions/, bot/, nlu/, servator/ or web/ reads the environment (a test holds
that). docs/settings.md is generated from this class (tools/settings_doc.py): each property's
docstring says what its variable means. A value is read and checked when it is asked for, so a
process only fails on the settings it uses.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Rasa's domain (intents, slots, forms, responses): what training, validation and rendering load.
DOMAIN_PATH = ROOT / "domain.yml"
DEFAULT_RASA_PORT = 5005
DEFAULT_ACTIONS_PORT = 5055
DEFAULT_RASA_URL = f"http://127.0.0.1:{DEFAULT_RASA_PORT}"
# Redis keys of the lock store start with "<prefix>:lock:"; Rasa wants the prefix alphanumeric.
DEFAULT_LOCK_PREFIX = "servator"
# The header a front end (Telegram, the web chat) shows its token in to the REST channel (front_end_secret).
FRONT_END_HEADER = "X-Servator-Front-End"
DEFAULT_TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
# ActiveLoop event metadata: when a form carried into a new session first started (written by
# servator.rasa_patches.session_rollover, read for the report's submission key by the actions).
LOOP_STARTED_KEY = "servator_loop_started"
# Everything the servers and commands create (var/: the SQLite database and its WAL, keys, the
# outbox, endpoints files) is readable by the owner only: files 0600, folders 0700.
PRIVATE_UMASK = 0o077
# The web chat answers within this, whatever RASA_TIMEOUT_SECONDS says: the browser gives up at 30 s.
WEBCHAT_MAX_RASA_WAIT_SECONDS = 20.0


class Settings:
    """Typed views of the environment (or of any mapping: tests and child-process environments)."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env  # os.environ itself is read live

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings of this process (`env` None), or of the given environment."""
        return cls(os.environ if env is None else env)

    def _text(self, name: str, default: str = "") -> str:
        return self._env.get(name, "").strip() or default

    def _number(self, name: str, default: str) -> float:
        text = self._text(name, default)
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{name} must be a number, not {text!r}") from None

    def _whole_number(self, name: str, default: str) -> int:
        text = self._text(name, default)
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {text!r}") from None

    def _list(self, name: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in self._env.get(name, "").split(",") if part.strip())

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

    # The web chat's limits and embedding
    @property
    def webchat_session_messages_per_minute(self) -> int:
        """WEBCHAT_SESSION_MESSAGES_PER_MINUTE: messages one chat session may send a minute; more get HTTP 429 with a refusal that gives 999 and the hotline."""
        return self._whole_number("WEBCHAT_SESSION_MESSAGES_PER_MINUTE", "20")

    @property
    def webchat_ip_messages_per_minute(self) -> int:
        """WEBCHAT_IP_MESSAGES_PER_MINUTE: messages one address may send a minute, the same way."""
        return self._whole_number("WEBCHAT_IP_MESSAGES_PER_MINUTE", "60")

    @property
    def webchat_session_reports_per_hour(self) -> int:
        """WEBCHAT_SESSION_REPORTS_PER_HOUR: reports one session may make an hour; then the chat refuses (999 and the hotline first) until the hour moves on."""
        return self._whole_number("WEBCHAT_SESSION_REPORTS_PER_HOUR", "3")

    @property
    def webchat_ip_reports_per_hour(self) -> int:
        """WEBCHAT_IP_REPORTS_PER_HOUR: reports one address may make an hour, the same way."""
        return self._whole_number("WEBCHAT_IP_REPORTS_PER_HOUR", "10")

    @property
    def reports_per_sender_per_hour(self) -> int:
        """REPORTS_PER_SENDER_PER_HOUR: new reports one sender (any channel) may make an hour, checked
        where every report is stored (0: no limit); WEBCHAT_SESSION_REPORTS_PER_HOUR by default."""
        return self._whole_number("REPORTS_PER_SENDER_PER_HOUR", str(self.webchat_session_reports_per_hour))

    @property
    def webchat_origins(self) -> tuple[str, ...]:
        """WEBCHAT_ORIGINS: the origins the chat is published at (behind a proxy)."""
        return self._list("WEBCHAT_ORIGINS")

    @property
    def trusted_proxies(self) -> tuple[str, ...]:
        """TRUSTED_PROXIES: proxies whose X-Forwarded-For names the client's address, for the web
        chat's limits and the dashboard's sign-in throttle."""
        return self._list("TRUSTED_PROXIES")

    @property
    def webchat_frame_ancestors(self) -> tuple[str, ...]:
        """WEBCHAT_FRAME_ANCESTORS: space-separated origins that may frame the chat (none by default)."""
        return tuple(self._text("WEBCHAT_FRAME_ANCESTORS").split())

    @property
    def rasa_log_level(self) -> str:
        """LOG_LEVEL: Rasa's log level in the servers `servator run` starts."""
        return self._text("LOG_LEVEL", "WARNING")

    @property
    def sanic_workers(self) -> int:
        """SANIC_WORKERS: Rasa's workers (more than one needs REDIS_URL); with neither set,
        `servator run` starts one per core (at most 4) when a Redis answers at 127.0.0.1:6379."""
        return self._whole_number("SANIC_WORKERS", "1")

    @property
    def sanic_workers_chosen(self) -> bool:
        """SANIC_WORKERS is set (else `servator run` chooses: servator.workers.default_workers)."""
        return bool(self._text("SANIC_WORKERS"))

    @property
    def redis_url(self) -> str:
        """REDIS_URL: the shared lock store ("" when unset: Rasa's in-memory lock store)."""
        return self._text("REDIS_URL")

    @property
    def redis_lock_prefix(self) -> str:
        """REDIS_LOCK_PREFIX: the start of the lock store's Redis keys (alphanumeric)."""
        return self._text("REDIS_LOCK_PREFIX", DEFAULT_LOCK_PREFIX)

    # Officers
    @property
    def officer_chat_ids(self) -> tuple[str, ...]:
        """OFFICER_CHAT_IDS: comma-separated Telegram chats that get every new report."""
        return self._list("OFFICER_CHAT_IDS")

    @property
    def officer_user_ids(self) -> tuple[str, ...]:
        """OFFICER_USER_IDS: Telegram users allowed the officer commands, in a private chat with the
        bot (as written; bot.config checks they are numeric)."""
        return self._list("OFFICER_USER_IDS")

    @property
    def officer_realert_minutes(self) -> float:
        """OFFICER_REALERT_MINUTES: an urgent report nobody acknowledged is alerted again after this."""
        return self._number("OFFICER_REALERT_MINUTES", "10")

    @property
    def officer_realert_max(self) -> int:
        """OFFICER_REALERT_MAX: at most this many re-alerts per report and chat (0: none)."""
        return self._whole_number("OFFICER_REALERT_MAX", "3")

    @property
    def officer_name(self) -> str:
        """SERVATOR_OFFICER: who `servator reports` writes in the audit trail ("" = the login name)."""
        return self._text("SERVATOR_OFFICER")

    # The officer dashboard (python -m dashboard)
    @property
    def dashboard_port(self) -> int:
        """DASHBOARD_PORT: the officer dashboard listens on 127.0.0.1 here."""
        return self._whole_number("DASHBOARD_PORT", "8090")

    @property
    def dashboard_idle_minutes(self) -> float:
        """DASHBOARD_IDLE_MINUTES: a dashboard session unused this long is signed out."""
        return self._number("DASHBOARD_IDLE_MINUTES", "30")

    @property
    def dashboard_session_hours(self) -> float:
        """DASHBOARD_SESSION_HOURS: a dashboard session ends this long after sign-in, however used."""
        return self._number("DASHBOARD_SESSION_HOURS", "12")

    @property
    def dashboard_lockout_attempts(self) -> int:
        """DASHBOARD_LOCKOUT_ATTEMPTS: failed sign-ins for one username from one address before waits."""
        return self._whole_number("DASHBOARD_LOCKOUT_ATTEMPTS", "5")

    @property
    def dashboard_lockout_address_attempts(self) -> int:
        """DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS: failed sign-ins from one address before waits."""
        return self._whole_number("DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS", "20")

    @property
    def dashboard_lockout_minutes(self) -> float:
        """DASHBOARD_LOCKOUT_MINUTES: failures count for this long, and the longest wait they cause."""
        return self._number("DASHBOARD_LOCKOUT_MINUTES", "15")

    @property
    def dashboard_cookie_secure(self) -> bool:
        """DASHBOARD_COOKIE_SECURE: `true` makes the session cookie always Secure (else only over
        https, directly or as X-Forwarded-Proto)."""
        return self._text("DASHBOARD_COOKIE_SECURE").lower() in ("1", "true", "yes")

    @property
    def dashboard_tile_url(self) -> str:
        """DASHBOARD_TILE_URL: the map's tile URL template (OpenStreetMap's standard tiles by default)."""
        return self._text("DASHBOARD_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")

    @property
    def dashboard_tile_attribution(self) -> str:
        """DASHBOARD_TILE_ATTRIBUTION: the credit the map shows for its tiles."""
        return self._text("DASHBOARD_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

    # Telegram
    @property
    def telegram_bot_token(self) -> str:
        """TELEGRAM_BOT_TOKEN: turns the Telegram bot on."""
        return self._text("TELEGRAM_BOT_TOKEN")

    @property
    def telegram_api_base_url(self) -> str:
        """TELEGRAM_API_BASE_URL: python-telegram-bot's base_url (a self-hosted Bot API server)."""
        return self._text("TELEGRAM_API_BASE_URL", DEFAULT_TELEGRAM_API_BASE_URL)

    @property
    def telegram_api_file_url(self) -> str:
        """TELEGRAM_API_FILE_URL: python-telegram-bot's base_file_url ("" = the base URL with /file
        before /bot)."""
        return self._text("TELEGRAM_API_FILE_URL")

    @property
    def telegram_webhook_url(self) -> str:
        """TELEGRAM_WEBHOOK_URL: webhook mode instead of long polling (TELEGRAM_WEBHOOK_SECRET required)."""
        return self._text("TELEGRAM_WEBHOOK_URL")

    @property
    def telegram_webhook_secret(self) -> str:
        """TELEGRAM_WEBHOOK_SECRET: the secret Telegram sends with each webhook call."""
        return self._text("TELEGRAM_WEBHOOK_SECRET")

    @property
    def telegram_webhook_listen(self) -> str:
        """TELEGRAM_WEBHOOK_LISTEN: host:port the webhook server listens on."""
        return self._text("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1:8443")

    @property
    def telegram_flood_max_messages(self) -> int:
        """TELEGRAM_FLOOD_MAX_MESSAGES: messages one Telegram user may send per TELEGRAM_FLOOD_WINDOW_SECONDS."""
        return self._whole_number("TELEGRAM_FLOOD_MAX_MESSAGES", "20")

    @property
    def telegram_flood_window_seconds(self) -> float:
        """TELEGRAM_FLOOD_WINDOW_SECONDS: the window of the Telegram flood limit."""
        return self._number("TELEGRAM_FLOOD_WINDOW_SECONDS", "60")

    @property
    def telegram_notify_interval_seconds(self) -> float:
        """TELEGRAM_NOTIFY_INTERVAL_SECONDS: how often the bot looks for officer alerts to send."""
        return self._number("TELEGRAM_NOTIFY_INTERVAL_SECONDS", "2")

    # Linked reports (servator/linking; docs/linking.md)
    @property
    def link_vehicle_days(self) -> float:
        """LINK_VEHICLE_DAYS: the same registration links reports within this many days."""
        return self._number("LINK_VEHICLE_DAYS", "30")

    @property
    def link_place_days(self) -> float:
        """LINK_PLACE_DAYS: the same place and a similar category link reports within this many days."""
        return self._number("LINK_PLACE_DAYS", "14")

    @property
    def link_place_metres(self) -> float:
        """LINK_PLACE_METRES: two points this close are the same place."""
        return self._number("LINK_PLACE_METRES", "250")

    @property
    def link_text_days(self) -> float:
        """LINK_TEXT_DAYS: similar descriptions link reports within this many days..."""
        return self._number("LINK_TEXT_DAYS", "14")

    @property
    def link_text_metres(self) -> float:
        """LINK_TEXT_METRES: ...and this many metres."""
        return self._number("LINK_TEXT_METRES", "2000")

    @property
    def link_text_min_cosine(self) -> float:
        """LINK_TEXT_MIN_COSINE: how similar (cosine) descriptions must be; calibrated on the evaluation
        set (tools/bench/linking_quality.py)."""
        return self._number("LINK_TEXT_MIN_COSINE", "0.55")

    @property
    def link_alert_score(self) -> float:
        """LINK_ALERT_SCORE: a cluster whose score reaches this alerts officers (once, then on growth)."""
        return self._number("LINK_ALERT_SCORE", "0.85")

    @property
    def link_sweep_seconds(self) -> float:
        """LINK_SWEEP_SECONDS: how often reports not yet linked are looked for."""
        return self._number("LINK_SWEEP_SECONDS", "60")

    @property
    def link_max_attempts(self) -> int:
        """LINK_MAX_ATTEMPTS: a report whose linking failed this often is left for an operator."""
        return self._whole_number("LINK_MAX_ATTEMPTS", "8")


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


def _hash_key(settings: Settings) -> bytes:
    """SENDER_HASH_KEY, or a random key kept in var/ so hashes stay stable across restarts."""
    if settings.sender_hash_key:
        return settings.sender_hash_key.encode()
    return private_secret(settings.var_dir, "sender_hash.key").encode()


def sender_hash(raw_id: str, env: Mapping[str, str] | None = None) -> str:
    """Keyed hash of a sender or chat id: stable, not reversible without the key."""
    key = _hash_key(Settings.from_env(env))
    return hmac.new(key, str(raw_id).encode(), hashlib.sha256).hexdigest()[:32]
