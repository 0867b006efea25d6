"""The dashboard served by `python -m dashboard` over real HTTP, used as a plain HTTP client would
(urllib with a cookie jar): the contract outside checks rely on, sign-in rules, actions, exports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from servator.storage import AuditEntry, Report, ensure_schema, make_session_factory, store_draft
from tests.support.dashboard import Dashboard, HttpClient, running_dashboard
from tests.support.ports import dashboard_port
from tests.support.stack import ROOT
from tests.support.storage_helpers import full_draft

SCRIPT = "<script>window.pwned=1</script> they ran off"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dashboard, str]]:
    folder = tmp_path_factory.mktemp("dashboard")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    reference, _ = store_draft(full_draft("http-1", description=SCRIPT, people_description=FORMULA), sessions)
    sessions.kw["bind"].dispose()
    with running_dashboard(database_url, dashboard_port(offset=0), folder=folder) as dashboard:
        yield dashboard, reference


def audit_actions(database_url: str, actor: str) -> list[tuple[str, str | None, str | None]]:
    sessions = make_session_factory(database_url)
    try:
        with sessions() as session:
            rows = session.execute(
                select(AuditEntry.action, AuditEntry.reference, AuditEntry.detail)
                .where(AuditEntry.actor == actor)
                .order_by(AuditEntry.id)
            ).all()
        return [tuple(row) for row in rows]
    finally:
        sessions.kw["bind"].dispose()


def stored_status(database_url: str, reference: str) -> str:
    sessions = make_session_factory(database_url)
    try:
        with sessions() as session:
            return str(
                session.execute(select(Report.status).where(Report.reference == reference)).scalar_one()
            )
    finally:
        sessions.kw["bind"].dispose()


def test_contract_sign_in_then_the_queue_and_the_report(served):
    """The contract: /login has a form with username and password; after signing in, / lists the
    report by reference and /reports/REF shows it."""
    dashboard, reference = served
    client = dashboard.client()
    status, page = client.get("/login")
    assert status == 200 and 'name="username"' in page and 'name="password"' in page
    status, queue = client.request(
        "/login",
        {"username": dashboard.username, "password": dashboard.password, "csrf_token": client.csrf(page)},
    )
    assert status == 200 and reference in queue and "Signed in as" in queue
    status, report = client.get(f"/reports/{reference}")
    assert status == 200 and f"Report {reference}" in report
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt; they ran off" in report
    assert "<script>window.pwned" not in report


def test_a_script_posting_the_form_without_the_csrf_field_may_sign_in_but_not_a_cross_site_form(served):
    dashboard, reference = served
    plain = dashboard.client()
    status, queue = plain.request("/login", {"username": dashboard.username, "password": dashboard.password})
    assert status == 200 and reference in queue
    cross_site = dashboard.client()
    status, page = cross_site.request(
        "/login",
        {"username": dashboard.username, "password": dashboard.password},
        headers={"Origin": "https://evil.example"},
    )
    assert status == 403 and "had expired" in page and reference not in page


def test_the_officers_command_makes_an_account_that_can_sign_in(served):
    dashboard, reference = served
    env = {"DATABASE_URL": dashboard.database_url, "PATH": "/usr/bin:/bin"}
    made = subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "officers", "add", "Sgt.Jones", "--password-stdin"],
        input="another long passphrase\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    short = subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "officers", "add", "pc.short", "--password-stdin"],
        input="tiny\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert short.returncode == 2 and "too short" in short.stderr
    status, queue = dashboard.client().sign_in("sgt.jones", "another long passphrase")
    assert status == 200 and reference in queue
    listed = subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "officers", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "sgt.jones\tactive" in listed.stdout and "pc.short" not in listed.stdout
    disabled = subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "officers", "disable", "sgt.jones"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert disabled.returncode == 0
    status, page = dashboard.client().sign_in("sgt.jones", "another long passphrase")
    assert status == 401 and reference not in page


def test_wrong_passwords_are_refused_then_locked_out_without_saying_whether_the_name_exists(served):
    dashboard, reference = served
    subprocess.run(
        [str(ROOT / ".venv/bin/servator"), "officers", "add", "pc.locked", "--password-stdin"],
        input="the right passphrase\n",
        env={"DATABASE_URL": dashboard.database_url, "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    answers = {}
    for name in ("pc.locked", "pc.nobody"):
        for attempt in range(5):
            status, page = dashboard.client().sign_in(name, f"wrong guess {attempt}")
            assert status == 401 and "do not match" in page and reference not in page
        status, page = dashboard.client().sign_in(name, "the right passphrase")
        answers[name] = (status, page.split('role="alert"')[1].split("</p>")[0])
    assert answers["pc.locked"] == answers["pc.nobody"], "a locked name and an unknown one answer alike"
    assert answers["pc.locked"][0] == 429 and "Too many failed sign-ins" in answers["pc.locked"][1]
    failures = audit_actions(dashboard.database_url, "officer:pc.locked")
    assert [action for action, _ref, _detail in failures] == ["sign_in_failed"] * 5 + ["sign_in_locked"]


def test_a_stranger_without_a_session_gets_the_sign_in_page_everywhere(served):
    dashboard, reference = served
    stranger = dashboard.client()
    for path in (
        "/",
        f"/reports/{reference}",
        "/reports/SRV-00000000-AAAAAA",
        "/map",
        "/trends",
        "/export.csv",
        "/export.json?status=all",
        "/export.geojson",
        "/no/such/page",
    ):
        status, page = stranger.get(path)
        assert status == 200 and 'name="password"' in page, path
        assert "they ran off" not in page and "Grosvenor" not in page and "Signed in as" not in page, path
    for path in ("/api/queue", "/api/map", "/api/trends"):
        status, body = stranger.get(path)
        assert status == 401 and reference not in body and "Grosvenor" not in body, path
    status, page = stranger.request(f"/reports/{reference}/status", {"status": "closed"})
    assert 'name="password"' in page
    assert stored_status(dashboard.database_url, reference) != "closed"


def test_marking_reviewed_with_a_note_is_stored_audited_and_shown(served):
    dashboard, reference = served
    officer = dashboard.signed_in()
    _, page = officer.get(f"/reports/{reference}")
    status, _ = officer.request(
        f"/reports/{reference}/status", {"status": "reviewed", "note": "spoke to CCTV"}
    )
    assert status == 403, "without the CSRF token the action is refused"
    assert stored_status(dashboard.database_url, reference) == "new"
    status, after = officer.post_form(
        f"/reports/{reference}/status", {"status": "reviewed", "note": "spoke to CCTV"}, page
    )
    assert status == 200 and stored_status(dashboard.database_url, reference) == "reviewed"
    assert f"Report {reference} marked reviewed (it was new)." in after, "it says what happened"
    notes = after.split('id="report-notes"', 1)[1].split("</section>", 1)[0]
    assert "spoke to CCTV" in notes and dashboard.username in notes, "the note is in its own section"
    audit = after.split('id="report-audit"', 1)[1]
    assert "New → Reviewed (with a note)" in audit and "spoke to CCTV" not in audit
    trail = audit_actions(dashboard.database_url, f"officer:{dashboard.username}")
    assert ("status", reference, "status new -> reviewed; note added") in trail
    assert ("view_report", reference, None) in trail and ("sign_in", None, None) in trail
    _, queue = officer.get("/")
    assert reference not in queue, "a reviewed report leaves the queue of new and escalated ones"
    _, everything = officer.get("/?status=all")
    assert reference in everything


def test_exports_are_formula_safe_attachments_of_the_current_filter(served):
    dashboard, reference = served
    officer = dashboard.signed_in()
    request = officer.opener.open(f"{dashboard.url}/export.csv?status=all", timeout=30)
    assert request.headers["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(request.read().decode())))
    row = next(row for row in rows if row["reference"] == reference)
    assert row["people_description"] == "'" + FORMULA
    assert row["description"] == SCRIPT
    assert "linked_references" in row and "cluster" in row
    reports = json.loads(officer.opener.open(f"{dashboard.url}/export.json?status=all", timeout=30).read())
    assert [r["reference"] for r in reports] == [reference]
    assert reports[0]["people_description"] == FORMULA, "JSON keeps the words exactly"
    geo = json.loads(officer.opener.open(f"{dashboard.url}/export.geojson?status=all", timeout=30).read())
    assert geo["type"] == "FeatureCollection"
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [-0.1527, 51.5113]}
    empty = officer.opener.open(f"{dashboard.url}/export.json?status=closed", timeout=30).read()
    assert json.loads(empty) == []
    exports = [
        d
        for a, _r, d in audit_actions(dashboard.database_url, f"officer:{dashboard.username}")
        if a == "export"
    ]
    assert any(d and d.startswith("format=csv; status=all") and d.endswith("count=1") for d in exports)


def test_security_headers_and_no_store_on_pages(served):
    dashboard, _reference = served
    response = HttpClient(dashboard.url).opener.open(f"{dashboard.url}/login", timeout=30)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy
    assert response.headers["X-Frame-Options"] == "DENY" and response.headers["Cache-Control"] == "no-store"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_answers_a_person_did_not_give_read_not_given_on_the_queue_and_the_report(served):
    dashboard, _ = served
    sessions = make_session_factory(dashboard.database_url)
    skipped = dict(description=None, location_text=None, occurred_text=None, occurred_at=None)
    reference, _ = store_draft(full_draft("http-skipped", **skipped), sessions)
    sessions.kw["bind"].dispose()
    client = dashboard.signed_in()
    _, queue = client.get("/")
    row = queue[queue.index(f'data-reference="{reference}"') :].split("</tr>", 1)[0]
    assert row.count("not given") == 3, row  # what happened, when seen, the place
    _, report = client.get(f"/reports/{reference}")
    assert '<p class="words" id="report-description">not given</p>' in report
    assert '<dt>Place, as said</dt><dd class="words-inline">not given</dd>' in report
    assert "<dt>Seen, as said</dt><dd>not given</dd>" in report
