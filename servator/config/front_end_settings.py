"""The settings of the front ends: the web chat's limits, the officers, the dashboard and Telegram."""

from __future__ import annotations

from servator.config.constants import DEFAULT_LOCK_PREFIX, DEFAULT_TELEGRAM_API_BASE_URL
from servator.config.environment import EnvironmentReader


class FrontEndSettings(EnvironmentReader):
    """The web chat's limits and embedding, the officers, the officer dashboard, Telegram."""

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
        """SANIC_WORKERS is set (else `servator run` chooses: servator.runner.workers.default_workers)."""
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
