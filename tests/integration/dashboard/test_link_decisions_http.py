"""Officers confirming and rejecting links on the dashboard served by `python -m dashboard`, over real
HTTP: the buttons on the report's page and the pattern's page, the audit trail, and the JSON export."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from servator.linking import link_report
from servator.storage import AuditEntry, ensure_schema, make_session_factory, store_draft
from tests.support.dashboard import Dashboard, running_dashboard
from tests.support.linking_helpers import days, draft
from tests.support.ports import dashboard_port

CARS = ["silver Ford Focus KX19 PLM", "silver ford focus KX19PLM", "Silver Ford Focus KX19 PIM"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dashboard, list[str]]]:
    folder = tmp_path_factory.mktemp("link-decisions")
    database_url = f"sqlite:///{folder / 'servator.db'}"
    ensure_schema(database_url)
    sessions = make_session_factory(database_url)
    references = []
    for number, car in enumerate(CARS):
        reference, _ = store_draft(draft(vehicle_text=car, occurred_at=days(number * 0.3)), sessions)
        with sessions() as session:
            link_report(session, reference)
            session.commit()
        references.append(reference)
    sessions.kw["bind"].dispose()
    with running_dashboard(database_url, dashboard_port(offset=3), folder=folder) as dashboard:
        yield dashboard, references


def audit_rows(database_url: str) -> list[tuple[str, str | None, str | None]]:
    sessions = make_session_factory(database_url)
    try:
        with sessions() as session:
            rows = session.execute(
                select(AuditEntry.action, AuditEntry.reference, AuditEntry.detail)
                .where(AuditEntry.action.in_(["link_confirmed", "link_rejected"]))
                .order_by(AuditEntry.id)
            ).all()
        return [tuple(row) for row in rows]
    finally:
        sessions.kw["bind"].dispose()


def exported_links(client, reference: str) -> list[dict]:
    status, body = client.get("/export.json")
    assert status == 200
    [row] = [row for row in json.loads(body) if row["reference"] == reference]
    return row["links"]


def test_the_misread_plate_is_linked_and_officers_confirm_or_reject_each_link(served):
    dashboard, (first, second, misread) = served
    client = dashboard.signed_in()
    status, page = client.get(f"/reports/{misread}")
    assert status == 200
    assert "KX19 PIM and KX19 PLM differ in one character; both a silver Ford Focus" in page
    assert page.count(">Not linked</button>") == 2 and page.count(">Confirm</button>") == 2

    no_token = client.request(f"/reports/{misread}/links/{first}", {"decision": "confirmed"})
    assert no_token[0] == 403, "a form without its CSRF token is refused"

    status, page = client.post_form(
        f"/reports/{misread}/links/{first}", {"decision": "confirmed", "next": f"/reports/{misread}"}, page
    )
    assert status == 200
    assert f"Reports {misread} and {first} confirmed as linked." in page
    assert page.count(">Confirm</button>") == 1 and "Confirmed</strong>" in page
    assert [link["confirmed"] for link in exported_links(client, misread) if link["reference"] == first] == [
        True
    ]

    status, page = client.post_form(
        f"/reports/{misread}/links/{second}", {"decision": "rejected", "next": f"/reports/{misread}"}, page
    )
    assert status == 200 and "marked not linked" in page
    assert f'<a href="/reports/{second}">{second}</a> (pc.test' in page, "listed as not linked"
    assert [link["reference"] for link in exported_links(client, misread)] == [first]
    trail = audit_rows(dashboard.database_url)
    assert trail[0][:2] == ("link_confirmed", misread) and trail[0][2].startswith(
        f"with {first} cluster=LNK-"
    )
    assert {row[:2] for row in trail} == {
        ("link_confirmed", misread),
        ("link_confirmed", first),
        ("link_rejected", misread),
        ("link_rejected", second),
    }


def test_the_pattern_page_lists_its_links_with_the_same_buttons(served):
    dashboard, (first, second, _misread) = served
    client = dashboard.signed_in()
    _, page = client.get(f"/reports/{first}")
    cluster_id = page.split('href="/clusters/')[1].split('"')[0]
    status, page = client.get(f"/clusters/{cluster_id}")
    assert status == 200
    assert f"Pattern {cluster_id}" in page and "score 1.00" in page, "a confirmed link makes it certain"
    assert (
        f'action="/reports/{first}/links/{second}"' in page
        or f'action="/reports/{second}/links/{first}"' in page
    )
    assert client.get("/clusters/LNK-AAAAAAAA")[0] == 404


def test_a_pair_linked_by_two_rules_gets_one_decision(served):
    dashboard, _ = served
    sessions = make_session_factory(dashboard.database_url)
    pair = []
    for number in range(2):
        reference, _ = store_draft(
            draft(
                vehicle_text="black Audi A4 LK71 XTR",
                location_text="Grosvenor Square",
                category="surveillance",
                occurred_at=days(5 + number * 0.2),
            ),
            sessions,
        )
        with sessions() as session:
            link_report(session, reference)
            session.commit()
        pair.append(reference)
    sessions.kw["bind"].dispose()
    status, page = dashboard.signed_in().get(f"/reports/{pair[1]}")
    assert status == 200 and page.count(f'<a href="/reports/{pair[0]}">') == 2, "linked by two rules"
    assert page.count(">Not linked</button>") == 1, "one decision for the pair"
    assert "(one decision for the pair, above)" in page
