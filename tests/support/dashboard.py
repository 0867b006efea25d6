"""The officer dashboard as the tests use it: `python -m dashboard` served over HTTP on a test port,
with an officer account, and a plain HTTP client (urllib with a cookie jar) that signs in."""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from servator.config.constants import ROOT
from servator.runner.processes import wait_for
from servator.storage import ensure_schema, make_session_factory
from servator.storage.accounts import add_officer

OFFICER = "pc.test"
PASSWORD = "a long test-only passphrase"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Dashboard:
    url: str  # http://127.0.0.1:PORT (no trailing slash)
    database_url: str
    username: str = OFFICER
    password: str = PASSWORD

    def client(self) -> HttpClient:
        return HttpClient(self.url)

    def signed_in(self) -> HttpClient:
        client = self.client()
        status, _ = client.sign_in(self.username, self.password)
        assert status == 200, f"sign-in failed ({status})"
        return client


class HttpClient:
    """A plain HTTP client with a cookie jar, as a check outside this repository would use."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(
        self, path: str, form: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        """(status, body) after redirects; form: POST it urlencoded."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def get(self, path: str) -> tuple[int, str]:
        return self.request(path)

    def csrf(self, page: str) -> str:
        found = CSRF_FIELD.search(page)
        assert found, "the page has no CSRF field"
        return found.group(1)

    def sign_in(self, username: str, password: str) -> tuple[int, str]:
        """GET /login, then POST the form with its CSRF field: (status, body of where it led)."""
        _, page = self.get("/login")
        return self.request(
            "/login", {"username": username, "password": password, "csrf_token": self.csrf(page)}
        )

    def post_form(self, path: str, form: dict[str, str], page: str) -> tuple[int, str]:
        """POST a form with the CSRF token read from `page` (a signed-in page)."""
        return self.request(path, {**form, "csrf_token": self.csrf(page)})


def sign_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Through the sign-in form in a browser page (Playwright), as an officer does."""
    page.goto(f"{base_url}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def signed_in_page(browser: Any, dashboard: Dashboard, viewport: dict[str, int]) -> tuple[Any, Any]:
    """(context, page): a browser page signed in through the form, that may reach nothing but the
    dashboard (no map tiles, no outside address), and may download."""
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(dashboard.url + "/")
            else route.abort("internetdisconnected")
        ),
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, dashboard.url, dashboard.username, dashboard.password)
    page.wait_for_url(dashboard.url + "/")
    return context, page


def make_officer(database_url: str, username: str = OFFICER, password: str = PASSWORD) -> None:
    """The account, as `servator officers add` makes it (nothing when it exists)."""
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    try:
        with sessions() as session:
            from servator.storage.accounts import officers

            if all(officer.username != username for officer in officers(session)):
                add_officer(session, username, password)
                session.commit()
    finally:
        sessions.kw["bind"].dispose()


@contextlib.contextmanager
def running_dashboard(
    database_url: str, port: int, env: dict[str, str] | None = None, folder: Path | None = None
) -> Iterator[Dashboard]:
    """`python -m dashboard` (as `servator run` starts it) on 127.0.0.1:port over database_url."""
    make_officer(database_url)
    child_env = {**os.environ, "DATABASE_URL": database_url, "DASHBOARD_PORT": str(port), **(env or {})}
    if folder is not None:
        child_env.setdefault("SERVATOR_VAR_DIR", str(folder))
    child = subprocess.Popen(
        [sys.executable, "-m", "dashboard"], cwd=ROOT, env=child_env, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(f"{url}/login", 60, [child]), "the dashboard did not start"
        yield Dashboard(url, database_url)
    finally:
        child.terminate()
        child.wait(15)
