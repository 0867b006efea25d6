"""Fixed values several processes share: the project's folder, Rasa's domain, the default ports and
the names the front ends, Rasa and the actions agree on. Settings (servator.config.settings) start
from these defaults."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
# servator.rasa_runtime.patches.session_rollover, read for the report's submission key by the actions).
LOOP_STARTED_KEY = "servator_loop_started"
# Everything the servers and commands create (var/: the SQLite database and its WAL, keys, the
# outbox, endpoints files) is readable by the owner only: files 0600, folders 0700.
PRIVATE_UMASK = 0o077
# The web chat answers within this, whatever RASA_TIMEOUT_SECONDS says: the browser gives up at 30 s.
WEBCHAT_MAX_RASA_WAIT_SECONDS = 20.0
