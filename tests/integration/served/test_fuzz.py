"""Fuzzing the HTTP surfaces, served: Hypothesis sends random and hostile bodies, headers and
encodings to Rasa's REST channel, the web chat's API and the officer dashboard's forms (signed out
and signed in). None gets a 5xx, none hangs, and nothing is stored that should not be: no report,
no officer session from a failed sign-in, no status outside the list, no note past its length.

HYPOTHESIS_PROFILE=long runs 500 examples per surface instead of `make test`'s 15."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.triage_actions import MAX_NOTE_CHARS
from servator.storage import make_session_factory, store_draft
from servator.storage.models import STATUSES
from tests.support.chat_page import served_webchat
from tests.support.dashboard import Dashboard, running_dashboard
from tests.support.fuzz_http import (
    HANG_SECONDS,
    content_types,
    extra_headers,
    form_bodies,
    message_bodies,
    raw_request,
)
from tests.support.ports import dashboard_port
from tests.support.storage_helpers import full_draft

pytestmark = pytest.mark.rasa

FUZZ = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def counts(database_url: str) -> dict[str, int]:
    engine = sa.create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return {
                table: connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
                for table in ("reports", "officer_sessions", "report_notes")
            }
    finally:
        engine.dispose()


def assert_answered(answer, where: str) -> None:
    assert answer.status < 500, f"{where}: {answer.status}"
    assert answer.seconds < HANG_SECONDS, f"{where}: {answer.seconds:.1f} s"


@pytest.fixture(scope="module")
def webchat(stack) -> Iterator[str]:
    with served_webchat(stack.rasa_url) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def dashboard(stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    folder: Path = tmp_path_factory.mktemp("fuzz-dashboard")
    with running_dashboard(
        stack.database_url,
        dashboard_port(offset=6),
        folder=folder,
        env={"DASHBOARD_LOCKOUT_ATTEMPTS": "0", "DASHBOARD_LOCKOUT_ADDRESS_ATTEMPTS": "0"},
    ) as served:
        yield served


@FUZZ
@given(body=message_bodies("message", "sender"), content_type=content_types, headers=extra_headers)
def test_the_rest_channel_answers_anything_without_a_server_error(stack, body, content_type, headers):
    before = counts(stack.database_url)["reports"]
    answer = raw_request(
        stack.rasa_url, "POST", "/webhooks/rest/webhook", body, {**headers, "Content-Type": content_type}
    )
    assert_answered(answer, "REST channel")
    assert counts(stack.database_url)["reports"] == before, "one message never stores a report"


@FUZZ
@given(
    body=message_bodies("message", "session"),
    content_type=content_types,
    headers=extra_headers,
    origin=st.sampled_from(("own", "none", "http://evil.example", "null")),
)
def test_the_web_chat_api_answers_anything_without_a_server_error(
    stack, webchat, body, content_type, headers, origin
):
    before = counts(stack.database_url)["reports"]
    sent = {**headers, "Content-Type": content_type}
    if origin != "none":
        sent["Origin"] = webchat if origin == "own" else origin
    assert_answered(raw_request(webchat, "POST", "/api/message", body, sent), "web chat")
    assert counts(stack.database_url)["reports"] == before


@FUZZ
@given(
    path=st.sampled_from(("/login", "/logout", "/reports/SRV-20260101-ABCDEF/status", "/reports/x/notes")),
    body=form_bodies(("username", "password", "csrf_token", "next", "status", "note", "to", "confirm")),
    content_type=content_types,
    headers=extra_headers,
)
def test_the_dashboard_forms_signed_out_answer_anything_and_sign_nobody_in(
    dashboard, path, body, content_type, headers
):
    before = counts(dashboard.database_url)
    answer = raw_request(dashboard.url, "POST", path, body, {**headers, "Content-Type": content_type})
    assert_answered(answer, f"dashboard {path}")
    after = counts(dashboard.database_url)
    assert after == before, "a signed-out request changes nothing"


@pytest.fixture(scope="module")
def signed_in(dashboard: Dashboard) -> tuple[dict[str, str], str]:
    """A signed-in officer's cookie and CSRF headers, and a stored report's reference (no alert)."""
    sessions = make_session_factory(dashboard.database_url)
    try:
        reference, _ = store_draft(full_draft(f"fuzz-{uuid.uuid4().hex[:8]}"), sessions, ())
    finally:
        sessions.kw["bind"].dispose()
    client = dashboard.signed_in()
    _, page = client.get("/")
    cookie = "; ".join(f"{c.name}={c.value}" for c in client.cookies)
    return {"Cookie": cookie, "X-CSRF-Token": client.csrf(page)}, reference


@FUZZ
@given(
    action=st.sampled_from(("status", "assign", "notes")),
    body=form_bodies(("status", "note", "to", "confirm", "next")),
    content_type=st.sampled_from(("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")),
)
def test_the_dashboard_forms_signed_in_keep_every_report_valid(
    dashboard, signed_in, action, body, content_type
):
    headers, reference = signed_in
    answer = raw_request(
        dashboard.url,
        "POST",
        f"/reports/{reference}/{action}",
        body,
        {**headers, "Content-Type": content_type},
    )
    assert_answered(answer, f"dashboard {action}")
    engine = sa.create_engine(dashboard.database_url, future=True)
    try:
        with engine.connect() as connection:
            statuses = set(connection.execute(sa.text("SELECT DISTINCT status FROM reports")).scalars())
            longest = connection.execute(sa.text("SELECT MAX(LENGTH(text)) FROM report_notes")).scalar() or 0
            assignees = set(
                connection.execute(
                    sa.text("SELECT DISTINCT assigned_to FROM reports WHERE assigned_to IS NOT NULL")
                ).scalars()
            )
            officers = set(connection.execute(sa.text("SELECT username FROM officer_accounts")).scalars())
    finally:
        engine.dispose()
    assert statuses <= set(STATUSES) and longest <= MAX_NOTE_CHARS and assignees <= officers
