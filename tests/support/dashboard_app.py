"""The dashboard in this process under aiohttp's test client, with one officer account, and the
helpers its unit tests sign in and age rows with (`python -m dashboard` itself: tests/support/dashboard.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.app import create_app
from dashboard.keys import SESSION_FACTORY
from servator.config.settings import Settings
from servator.storage import AuditEntry, make_session_factory, store_draft
from tests.support.dashboard import CSRF_FIELD, make_officer
from tests.support.storage_helpers import full_draft

OFFICER = "pc.one"
PASSWORD = "a long enough passphrase"
# Short idle time and few attempts per address, so the tests reach them; 127.0.0.1 is the proxy.
SETTINGS = {
    "DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS": "8",
    "DASHBOARD_IDLE_MINUTES": "5",
    "DASHBOARD_SESSION_HOURS": "12",
    "TRUSTED_PROXIES": "127.0.0.1",
}


async def dashboard_client(folder: Path) -> TestClient:
    """A started test client on a fresh SQLite database in `folder` holding the officer's account."""
    url = f"sqlite:///{folder / 'dash.db'}"
    make_officer(url, OFFICER, PASSWORD)
    sessions = make_session_factory(url)
    client = TestClient(TestServer(create_app(Settings(SETTINGS), sessions)))
    await client.start_server()
    return client


def factory(client: TestClient) -> Callable[[], Session]:
    """The dashboard's own session factory, to look at or change what it stored."""
    return client.app[SESSION_FACTORY]


async def sign_in(
    client: TestClient,
    username: str = OFFICER,
    password: str = PASSWORD,
    next_page: str = "/",
    **headers: str,
) -> ClientResponse:
    """GET /login, then POST the form with its CSRF field; the response, not followed."""
    page = await (await client.get("/login")).text()
    token = csrf_of(page)
    return await client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token, "next": next_page},
        allow_redirects=False,
        headers=headers,
    )


def csrf_of(page: str) -> str:
    found = CSRF_FIELD.search(page)
    assert found, "the page has no CSRF field"
    return found.group(1)


async def page_csrf(client: TestClient, path: str = "/") -> str:
    """The CSRF token on a signed-in page, for the forms the test posts."""
    return csrf_of(await (await client.get(path)).text())


def from_address(address: str) -> dict[str, str]:
    """The headers the trusted proxy (127.0.0.1 in these tests) adds for a client at `address`."""
    return {"X-Forwarded-For": address}


def age_everything(client: TestClient, table: Any, column: str, by: timedelta) -> None:
    """Move a timestamp column of every row of `table` back by `by`."""
    with factory(client)() as session:
        for row in session.execute(select(table)).scalars():
            setattr(row, column, getattr(row, column) - by)
        session.commit()


def stored(client: TestClient, key: str = "dash-1", **changes: Any) -> str:
    """A report stored as the action server stores it (tests/support/storage_helpers.full_draft); its reference."""
    reference, _ = store_draft(full_draft(key, **changes), factory(client))
    return reference


def audited(client: TestClient, action: str) -> list[tuple[str, str | None, str | None]]:
    """(actor, reference, detail) of each audit entry with this action, oldest first."""
    with factory(client)() as session:
        rows = session.execute(
            select(AuditEntry.actor, AuditEntry.reference, AuditEntry.detail)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.id)
        ).all()
    return [(actor, reference, detail) for actor, reference, detail in rows]
