"""The servers `make soak` starts, kills and restarts, and the PostgreSQL databases it throws away.

Trackers and reports live in two throwaway databases so that the reports one can be made
unreachable (scenario 4) while Rasa keeps its conversations.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from servator.config.settings import Settings
from servator.rasa_runtime.endpoints import write_endpoints
from servator.rasa_runtime.training import rasa_env
from servator.runner.processes import Supervisor, wait_for
from servator.runner.stack import action_server_command, action_server_environment, rasa_command, rasa_ready
from servator.storage import LocalOutbox, SqlUnitOfWork, ensure_schema, make_session_factory

POSTGRES_ADMIN_URL = os.environ.get("SOAK_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _admin() -> Engine:
    return create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")


def database_url(name: str) -> str:
    return str(make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False))


@contextlib.contextmanager
def throwaway_databases(*purposes: str) -> Iterator[dict[str, str]]:
    """One fresh database per purpose ({purpose: name}); all dropped afterwards, connections and all."""
    names = {purpose: f"servator_soak_{purpose}_{uuid.uuid4().hex[:8]}" for purpose in purposes}
    admin = _admin()
    try:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield names
    finally:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def set_reachable(name: str, reachable: bool) -> None:
    """Storage outage on demand: refuse new connections and end the open ones (or allow them again)."""
    admin = _admin()
    try:
        with admin.connect() as connection:
            connection.execute(
                text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if reachable else "false"}')
            )
            if not reachable:
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                )
    finally:
        admin.dispose()


def stored_reports(reports_url: str) -> list[dict[str, str]]:
    """{reference, location} of every stored report, through the storage API."""
    sessions = make_session_factory(reports_url)
    try:
        with SqlUnitOfWork(sessions) as uow:
            return [{"reference": r.reference, "location": r.location_text} for r in uow.reports.list()]
    finally:
        sessions.kw["bind"].dispose()


@dataclass
class SoakStack:
    """One action server and one Rasa, each restartable on its own."""

    model: Path
    tracker_url: str
    reports_url: str
    folder: Path
    rasa_port: int = int(os.environ.get("SOAK_RASA_PORT", "27005"))
    actions_port: int = int(os.environ.get("SOAK_ACTIONS_PORT", "27055"))
    outbox_flush_seconds: int = 30
    supervisor: Supervisor = field(default_factory=Supervisor)
    actions: subprocess.Popen[bytes] | None = None
    rasa: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def outbox(self) -> LocalOutbox:
        return LocalOutbox(self.folder / "outbox")

    def env(self) -> dict[str, str]:
        return {
            **rasa_env(),
            "DATABASE_URL": self.reports_url,
            "SERVATOR_OUTBOX_DIR": str(self.folder / "outbox"),
            "SERVATOR_VAR_DIR": str(self.folder),
            "OFFICER_CHAT_IDS": "",
            "SENDER_HASH_KEY": os.environ.get("SENDER_HASH_KEY", "soak-sender-hash-key"),
            "OUTBOX_FLUSH_INTERVAL_SECONDS": str(self.outbox_flush_seconds),
        }

    def start(self) -> None:
        ensure_schema(self.reports_url)
        # The endpoints carry the token the action server reads from the same (soak) var folder.
        self.endpoints = write_endpoints(
            self.tracker_url,
            self.actions_port,
            self.folder / "endpoints.yml",
            settings=Settings.from_env(self.env()),
        )
        self.start_actions()
        self.start_rasa()

    def start_actions(self) -> None:
        self.actions = self.supervisor.start(
            action_server_command(self.actions_port), action_server_environment(self.env())
        )
        if not wait_for(f"http://127.0.0.1:{self.actions_port}/health", 120, [self.actions]):
            raise RuntimeError("the action server did not start")

    def start_rasa(self) -> None:
        self.rasa = self.supervisor.start(
            rasa_command(self.model, self.endpoints, self.rasa_port), self.env()
        )
        probe = Supervisor()
        probe.children = [self.rasa]
        if not rasa_ready(self.rasa_port, probe, 600):
            raise RuntimeError("Rasa did not start")

    @staticmethod
    def kill(child: subprocess.Popen[bytes] | None) -> None:
        """SIGKILL the whole process group: a crash, not a shutdown."""
        if child is not None and child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(30)

    def stop(self) -> None:
        self.supervisor.stop()
