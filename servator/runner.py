"""`servator run`: start the action server and Rasa (and front ends), stop them all together."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path

from servator import log_privacy
from servator.endpoints import write_endpoints
from servator.retention import DailyPurge
from servator.settings import DEFAULT_ACTIONS_PORT, DEFAULT_RASA_PORT, PRIVATE_UMASK, ROOT, Settings
from servator.training import rasa_bin, rasa_env, train_if_needed
from servator.workers import default_workers, describe_workers

RASA_PORT = DEFAULT_RASA_PORT
ACTIONS_PORT = DEFAULT_ACTIONS_PORT
# prometheus_client's multiprocess folder, shared by every process `servator run` starts (servator.metrics).
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
FRONT_END_START_SECONDS = 60


def _poll(ready: Callable[[], bool], seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Call `ready` until it says yes, a child dies, or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return False
        if ready():
            return True
        time.sleep(0.3)
    return False


def wait_for(url: str, seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Poll until the URL answers 200, a child dies, or time runs out."""

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    return _poll(answers, seconds, processes)


def wait_listening(port: int, seconds: float, processes: list[subprocess.Popen[bytes]]) -> bool:
    """Poll until something accepts connections on 127.0.0.1:port, a child dies, or time runs out."""

    def accepts() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return True
        except OSError:
            return False

    return _poll(accepts, seconds, processes)


def die_with_parent() -> None:
    """Ask Linux to SIGTERM this process when its parent dies (prctl PR_SET_PDEATHSIG).

    `make run` killed with SIGTERM does not pass the signal on; with this, `servator run`
    still stops, and it stops everything it started, so nothing is left orphaned.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: Ctrl-C and SIGTERM still work as usual
        pass


def fresh_metrics_dir(folder: Path) -> Path:
    """The private metrics folder, emptied of a previous run's numbers (prometheus_client requires it)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink(missing_ok=True)
    return folder


def child_setup() -> None:
    """In each child before it runs: private files (umask 077) and stop when the runner dies."""
    os.umask(PRIVATE_UMASK)
    die_with_parent()


class Supervisor:
    """Starts children in their own process groups and stops every one of them.

    `env` is the environment the stack's servers share; front ends started later get it too.
    """

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.children: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, str] = dict(env or {})

    def start(self, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        child = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, preexec_fn=child_setup)
        self.children.append(child)
        return child

    def stop(self) -> None:
        for child in self.children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in self.children:
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)


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
    """`rasa run` through servator.rasa_server (which applies servator.rasa_patches first) or as it comes."""
    rasa = (
        [str(Path(rasa_bin()).with_name("python")), "-m", "servator.rasa_server"]
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


def make_private(folder: Path) -> None:
    """var/ made before the umask was set: the folder and what is in it, owner only."""
    if not folder.is_dir():
        return
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink() or path.stat().st_uid != os.getuid():
            continue
        path.chmod(0o700 if path.is_dir() else path.stat().st_mode & 0o700)


def serve(model: Path, rasa_port: int = RASA_PORT, actions_port: int = ACTIONS_PORT) -> int:
    """Run until Ctrl-C / SIGTERM or until a child exits; always stop all children."""
    settings = Settings.from_env()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    supervisor = Supervisor()
    retention = DailyPurge(settings)
    try:
        workers = default_workers()
        print(f"Starting the action server and Rasa ({describe_workers(workers)})...", flush=True)
        supervisor = start_stack(model, settings.database_url, rasa_port, actions_port, workers)
        if not rasa_ready(rasa_port, supervisor):
            print("Rasa did not start; see the messages above.", file=sys.stderr)
            return 1
        front_ends = start_front_ends(supervisor, rasa_port, settings.database_url)
        rest = (
            f"REST: curl -s -XPOST http://127.0.0.1:{rasa_port}/webhooks/rest/webhook "
            f'-H \'Content-Type: application/json\' -d \'{{"sender":"me","message":"hello"}}\''
        )
        lines = [rest, *reversed(front_ends), "Press Ctrl-C to stop."]
        print("\nServator Assistant is running.\n" + "".join(f"  {line}\n" for line in lines), flush=True)
        while all(child.poll() is None for child in supervisor.children):
            retention.tick()
            time.sleep(1)
        print("A service stopped unexpectedly; stopping the rest.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        supervisor.stop()


def run(args: argparse.Namespace) -> int:
    """Train if the inputs changed, then serve (RASA_PORT / ACTIONS_PORT move the servers)."""
    die_with_parent()
    os.umask(PRIVATE_UMASK)
    log_privacy.install()
    settings = Settings.from_env()
    make_private(settings.var_dir)
    return serve(train_if_needed(), settings.rasa_port, settings.actions_port)


def train(args: argparse.Namespace) -> int:
    train_if_needed(config=args.config, force=args.force)
    return 0
