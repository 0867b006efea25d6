"""The triage queue: new and escalated reports, still-happening first; its polling data changes
signature when what it shows changes; page and sort are read safely from the query string."""

from __future__ import annotations

from dashboard.queue import DEFAULT_SORT, page_number, sort_order
from servator.storage import ReportRepository
from tests.support.dashboard_app import audited, factory, stored


def test_page_and_sort_from_the_query_string_fall_back_to_the_first_page_and_urgent_first():
    assert [page_number(text) for text in (None, "", "3", "0", "-2", "x", "9" * 12)] == [
        1,
        1,
        3,
        1,
        1,
        1,
        100_000,
    ]
    assert sort_order("seen_asc") == "seen_asc"
    assert sort_order("drop table") == sort_order(None) == DEFAULT_SORT


async def test_still_happening_comes_first_and_a_reviewed_report_leaves_the_queue(officer):
    earlier = stored(officer, "q-1", still_happening=False)
    urgent = stored(officer, "q-2", still_happening=True)
    first = await (await officer.get("/api/queue")).json()
    assert first["references"] == [urgent, earlier] and first["total"] == 2
    assert earlier in first["html"] and "a man filming the embassy gate" in first["html"]
    with factory(officer)() as session:
        ReportRepository(session).set_status(urgent, "reviewed")
        session.commit()
    second = await (await officer.get("/api/queue")).json()
    assert second["references"] == [earlier] and second["signature"] != first["signature"]
    assert (await (await officer.get("/api/queue?status=reviewed")).json())["references"] == [urgent]


async def test_viewing_the_queue_page_is_audited_but_its_polling_is_not(officer):
    stored(officer)
    assert (await officer.get("/?category=surveillance")).status == 200
    await officer.get("/api/queue")
    [(actor, _, detail)] = audited(officer, "view_queue")
    assert actor == "officer:pc.one" and detail is not None and "surveillance" in detail
