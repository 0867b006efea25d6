"""The stack `servator run` serves: the action server and Rasa, then the front ends, each with its
command and environment (the tests and tools start the same stack on their own ports)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from servator.config.constants import DEFAULT_ACTIONS_PORT, DEFAULT_RASA_PORT, ROOT
from servator.config.settings import Settings
from servator.rasa_runtime.endpoints import write_endpoints
from servator.rasa_runtime.training import rasa_bin, rasa_env
from servator.runner.processes import Supervisor, wait_for, wait_listening

RASA_PORT = DEFAULT_RASA_PORT
ACTIONS_PORT = DEFAULT_ACTIONS_PORT
# prometheus_client's multiprocess folder, shared by every process `servator run` starts (servator.http.metrics).
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
FRONT_END_START_SECONDS = 60


def start_stack(
    model: Path,
    database_url: str,
    rasa_port: int = RASA_PORT,
    actions_port: int = ACTIONS_PORT,
    env_overrides: dict[str, str] | None = None,
    speedups: bool = True,
    action_server_env: dict[str, str] | None = None,
) -> Supervisor:
    """Start the action server and Rasa on the given ports; the caller waits and stops.

    `speedups=False` starts Rasa as it comes, with the plain `rasa` command and Rasa's own SQL
    tracker store (`make bench`'s vanilla Rasa). `action_server_env` is added for the action
    server only (the fault tests give it a database of its own that they can take away).
    """
    from servator.storage import ensure_schema

    ensure_schema(database_url)
    env = {**rasa_env(), "DATABASE_URL": database_url, **(env_overrides or {})}
    settings = Settings.from_env(env)  # the children's settings
    env[METRICS_DIR_ENV] = str(
        fresh_metrics_dir(Path(settings.metrics_dir or Settings.from_env().var_dir / f"metrics-{rasa_port}"))
    )
    endpoints = write_endpoints(
        database_url,
        actions_port,
        Settings.from_env().var_dir / f"endpoints-{rasa_port}.yml",
        settings.redis_url or None,
        settings.redis_lock_prefix,
        speedups,
        settings,
    )
    warn_about_workers(settings)
    supervisor = Supervisor(env)
    supervisor.start(
        action_server_command(actions_port),
        action_server_environment({**env, **(action_server_env or {})}, settings),
    )
    supervisor.start(rasa_command(model, endpoints, rasa_port, speedups), {**env, **front_end_env(settings)})
    return supervisor


def fresh_metrics_dir(folder: Path) -> Path:
    """The private metrics folder, emptied of a previous run's numbers (prometheus_client requires it)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink(missing_ok=True)
    return folder


def front_end_env(settings: Settings) -> dict[str, str]:
    """The token the front ends show Rasa's REST channel with a location or photo (Rasa gets the same one)."""
    return {"FRONT_END_TOKEN": settings.front_end_secret()}


def action_server_command(actions_port: int) -> list[str]:
    return [rasa_bin(), "run", "actions", "--port", str(actions_port), "--actions", "actions"]


def action_server_environment(env: Mapping[str, str], settings: Settings | None = None) -> dict[str, str]:
    """The action server's environment: its interface (rasa_sdk reads SANIC_HOST, default 0.0.0.0)
    and the token it expects, the same one written into Rasa's endpoints file."""
    settings = settings or Settings.from_env(env)
    return {
        **env,
        "SANIC_HOST": settings.actions_host,
        "ACTION_SERVER_TOKEN": settings.action_server_secret(),
    }


def rasa_command(model: Path, endpoints: Path, rasa_port: int, speedups: bool = True) -> list[str]:
    """`rasa run` through servator.rasa_runtime.server (which applies servator.rasa_runtime.patches
    first) or as it comes."""
    rasa = (
        [str(Path(rasa_bin()).with_name("python")), "-m", "servator.rasa_runtime.server"]
        if speedups
        else [rasa_bin()]
    )
    return [
        *rasa,
        "run",
        "--model",
        str(model),
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(ROOT / "credentials.yml"),
        "--interface",
        "127.0.0.1",
        "--port",
        str(rasa_port),
    ]


def warn_about_workers(settings: Settings) -> None:
    """SANIC_WORKERS reaches Rasa through the environment; Rasa ignores it without a shared lock store."""
    if settings.sanic_workers != 1 and not settings.redis_url:
        print(
            "SANIC_WORKERS needs REDIS_URL (a shared lock store); Rasa will run one worker.", file=sys.stderr
        )


def start_front_ends(supervisor: Supervisor, rasa_port: int, database_url: str) -> list[str]:
    """The web chat and the officer dashboard always; the Telegram bot when TELEGRAM_BOT_TOKEN is set.
    Returns what started, once each front end with a port accepts connections (so the addresses
    printed under "is running" answer when opened).

    They get the stack's environment (the metrics folder, the outbox folder for /healthz); the bot
    and the web chat also get the token they show Rasa with shared locations and photos.
    """
    env = {
        **(supervisor.env or rasa_env()),
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "DATABASE_URL": database_url,
    }
    python = str(Path(sys.executable))
    settings = Settings.from_env(env)
    # The web chat shows Rasa the front end's token with an uploaded photo, as the bot does.
    supervisor.start([python, "-m", "web"], {**env, **front_end_env(settings)})
    supervisor.start([python, "-m", "dashboard"], env)
    started = [
        f"web chat: http://127.0.0.1:{settings.webchat_port}/",
        f"officer dashboard: http://127.0.0.1:{settings.dashboard_port}/ "
        "(accounts: servator officers add NAME --password-stdin)",
    ]
    if settings.telegram_bot_token:
        supervisor.start([python, "-m", "bot"], {**env, **front_end_env(settings)})
        mode = "webhook" if settings.telegram_webhook_url else "long polling"
        started.append(f"Telegram bot ({mode})")
    for name, port in (("web chat", settings.webchat_port), ("officer dashboard", settings.dashboard_port)):
        if not wait_listening(port, FRONT_END_START_SECONDS, supervisor.children):
            print(f"The {name} is not listening on port {port} yet; see the messages above.", file=sys.stderr)
    return started


def rasa_ready(rasa_port: int, supervisor: Supervisor, seconds: float = 180) -> bool:
    return wait_for(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", seconds, supervisor.children)
