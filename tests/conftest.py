"""Shared fixtures: the trained model (cached by content hash) and the real running stack.

Helpers the tests import live in tests/support/ (`from tests.support.stack import ...`); this file
holds only fixtures.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy.orm import Session

from servator.rasa_runtime.training import use_rasa_process_env
from servator.storage import LocalOutbox, ensure_schema, make_session_factory
from tests.support.ports import TEST_ACTIONS_PORT, TEST_RASA_PORT
from tests.support.stack import TEST_OFFICER_CHAT_ID, Stack
from tests.support.storage_helpers import postgres_database, sqlite_url

# Property-based tests: a short run in `make test`, a long one with HYPOTHESIS_PROFILE=long.
settings.register_profile("short", max_examples=15)
settings.register_profile("long", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

use_rasa_process_env()  # Rasa runs in the test process too (held-out sets, domain loading)
os.environ.setdefault("SENDER_HASH_KEY", "test-only-sender-hash-key")
# One token pair for every process the tests start: otherwise each stack keeps its own in its var/
# folder, and a bot or an endpoints file made by a test would not match it (test_run_perimeter.py
# clears them to try the keys kept in var/).
os.environ.setdefault("ACTION_SERVER_TOKEN", "test-only-action-server-token")
os.environ.setdefault("FRONT_END_TOKEN", "test-only-front-end-token")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh report database: an SQLite file, or a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "db")
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture
def sessions(database_url: str) -> Iterator[Callable[[], Session]]:
    """A session factory on `database_url` with the schema made."""
    ensure_schema(database_url)
    factory = make_session_factory(database_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def outbox(tmp_path: Path) -> LocalOutbox:
    return LocalOutbox(tmp_path / "outbox")


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The real model for the current config/domain/data (trained once, then reused)."""
    from servator.rasa_runtime.training import train_if_needed

    return train_if_needed()


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory):
    """The action server and Rasa, as `make run` starts them, on test ports and a fresh SQLite file."""
    from servator.config.settings import Settings
    from servator.runner.processes import wait_for
    from servator.runner.stack import rasa_ready, start_stack

    folder = tmp_path_factory.mktemp("stack")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    outbox = folder / "outbox"
    supervisor = start_stack(
        trained_model,
        database_url,
        TEST_RASA_PORT,
        TEST_ACTIONS_PORT,
        env_overrides={
            "SERVATOR_OUTBOX_DIR": str(outbox),
            "OFFICER_CHAT_IDS": TEST_OFFICER_CHAT_ID,
            "SERVATOR_VAR_DIR": str(folder),
        },
    )
    try:
        assert rasa_ready(TEST_RASA_PORT, supervisor, 300), "Rasa did not start"
        assert wait_for(f"http://127.0.0.1:{TEST_ACTIONS_PORT}/health", 60, supervisor.children), (
            "no action server"
        )
        settings = Settings.from_env()
        yield Stack(
            f"http://127.0.0.1:{TEST_RASA_PORT}",
            database_url,
            outbox,
            f"http://127.0.0.1:{TEST_ACTIONS_PORT}",
            settings.action_server_secret(),
            settings.front_end_secret(),
        )
    finally:
        supervisor.stop()
