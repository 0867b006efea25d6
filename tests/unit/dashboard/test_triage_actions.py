"""What an officer does to a report (review, escalate, close, assign, note, ask): stored, audited, and
said on the page they come back to."""

from __future__ import annotations

from dashboard.triage_actions import back_to, change_notice
from servator.storage import ReportRepository, SqlUnitOfWork
from tests.support.dashboard_app import audited, factory, page_csrf, stored

REF = "SRV-20260101-ABCDEF"
OTHER = "SRV-20260102-BCDEFG"


def test_what_was_done_is_said_back_only_for_a_real_reference_and_status():
    notice = change_notice({"done": "status", "ref": REF.lower(), "to": "reviewed", "from": "new"})
    assert notice is not None and notice.text == f"Report {REF} marked reviewed (it was new)."
    assert notice.undo_status == "new"
    linked = change_notice({"done": "link_rejected", "ref": REF, "to": OTHER})
    assert linked is not None and "not linked" in linked.text and OTHER in linked.text
    assert change_notice({"done": "status", "ref": "<script>", "to": "reviewed", "from": "new"}) is None
    assert change_notice({"done": "status", "ref": REF, "to": "deleted", "from": "new"}) is None


def test_back_to_keeps_the_queue_s_filter_and_replaces_an_old_message():
    response = back_to({"next": "/?status=new&done=noted&ref=X&page=2"}, REF, done="assigned")
    assert response.location == f"/?status=new&page=2&done=assigned&ref={REF}"
    assert back_to({"next": "https://evil.example/"}, REF, done="noted").location == f"/?done=noted&ref={REF}"


async def test_marking_reviewed_with_a_note_is_stored_audited_and_said(officer):
    reference = stored(officer)
    token = await page_csrf(officer)
    response = await officer.post(
        f"/reports/{reference}/status",
        data={"status": "reviewed", "note": "  spoke to   the caller ", "csrf_token": token, "next": "/"},
        allow_redirects=False,
    )
    assert response.status == 303 and "done=status" in response.headers["Location"]
    with SqlUnitOfWork(factory(officer)) as uow:
        assert uow.reports.get(reference).status == "reviewed"  # type: ignore[union-attr]
    assert audited(officer, "status") == [("officer:pc.one", reference, "status new -> reviewed; note added")]
    page = await (await officer.get(response.headers["Location"])).text()
    assert f"Report {reference} marked reviewed (it was new)." in page
    assert "spoke to the caller" in await (await officer.get(f"/reports/{reference}")).text()


async def test_closing_asks_first_and_changes_nothing_until_confirmed(officer):
    reference = stored(officer)
    token = await page_csrf(officer)
    asked = await officer.post(f"/reports/{reference}/status", data={"status": "closed", "csrf_token": token})
    assert asked.status == 200 and reference in await asked.text()
    with factory(officer)() as session:
        assert ReportRepository(session).get(reference).status == "new"  # type: ignore[union-attr]
    await officer.post(
        f"/reports/{reference}/status", data={"status": "closed", "confirm": "yes", "csrf_token": token}
    )
    with factory(officer)() as session:
        assert ReportRepository(session).get(reference).status == "closed"  # type: ignore[union-attr]


async def test_taking_a_report_on_and_asking_the_reporter_are_audited(officer):
    reference = stored(officer)
    token = await page_csrf(officer)
    assign = await officer.post(
        f"/reports/{reference}/assign", data={"to": "me", "csrf_token": token}, allow_redirects=False
    )
    assert assign.status == 303
    ask = await officer.post(
        f"/reports/{reference}/questions",
        data={"question": "Which way did he go?", "csrf_token": token},
        allow_redirects=False,
    )
    assert ask.status == 303
    assert audited(officer, "assign") == [("officer:pc.one", reference, "assigned to pc.one")]
    [(_, _, detail)] = audited(officer, "followup_ask")
    assert detail is not None and "Which way" not in detail, "the audit names the question, not its words"
    assert "Which way did he go?" in await (await officer.get(f"/reports/{reference}")).text()


async def test_an_unknown_report_or_action_changes_nothing(officer):
    token = await page_csrf(officer)
    missing = await officer.post(f"/reports/{REF}/status", data={"status": "reviewed", "csrf_token": token})
    assert missing.status == 404
    reference = stored(officer)
    bad = await officer.post(f"/reports/{reference}/status", data={"status": "deleted", "csrf_token": token})
    assert bad.status == 400
    empty = await officer.post(f"/reports/{reference}/notes", data={"note": "  ", "csrf_token": token})
    assert empty.status == 400
    assert audited(officer, "status") == [] and audited(officer, "note") == []
