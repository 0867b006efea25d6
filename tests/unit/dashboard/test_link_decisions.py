"""Officers confirm or reject a link between two reports: the decision is stored, audited on both
reports, and said on the page; the pattern's page lists its reports."""

from __future__ import annotations

from servator import linking
from tests.support.dashboard_app import audited, factory, page_csrf
from tests.support.linking_helpers import days, draft, store_and_link


def linked_pair(client) -> tuple[str, str]:
    first, _ = store_and_link(
        factory(client), draft(vehicle_text="silver Ford Focus KX19 PLM", occurred_at=days(0))
    )
    second, links = store_and_link(
        factory(client), draft(vehicle_text="Silver Ford Focus KX19 PIM", occurred_at=days(0.3))
    )
    assert [link.reference for link in links] == [first], "the misread plate links the two"
    return first, second


async def test_rejecting_a_link_removes_it_and_is_audited_on_both_reports(officer):
    first, second = linked_pair(officer)
    token = await page_csrf(officer, f"/reports/{second}")
    response = await officer.post(
        f"/reports/{second}/links/{first}", data={"decision": "rejected", "csrf_token": token}
    )
    assert (
        response.status == 200 and f"Reports {second} and {first} marked not linked" in await response.text()
    )
    with factory(officer)() as session:
        assert linking.links_for(session, second) == []
    assert {
        (reference, detail.split(" cluster=")[0])
        for _, reference, detail in audited(officer, "link_rejected")
    } == {  # type: ignore[union-attr]
        (second, f"with {first}"),
        (first, f"with {second}"),
    }


async def test_a_confirmed_link_shows_on_its_pattern_s_page(officer):
    first, second = linked_pair(officer)
    token = await page_csrf(officer, f"/reports/{second}")
    await officer.post(
        f"/reports/{second}/links/{first}", data={"decision": "confirmed", "csrf_token": token}
    )
    with factory(officer)() as session:
        cluster_id = linking.cluster_for(session, first)
    assert cluster_id is not None
    page = await (await officer.get(f"/clusters/{cluster_id.lower()}")).text()
    assert f"Pattern {cluster_id}" in page and first in page and second in page
    assert [detail for _, _, detail in audited(officer, "view_cluster")] == [f"cluster={cluster_id}"]


async def test_an_unknown_decision_pair_or_pattern_changes_nothing(officer):
    first, second = linked_pair(officer)
    token = await page_csrf(officer)
    unknown = await officer.post(
        f"/reports/{second}/links/{first}", data={"decision": "maybe", "csrf_token": token}
    )
    assert unknown.status == 400
    bad = await officer.post(
        f"/reports/{second}/links/nonsense", data={"decision": "confirmed", "csrf_token": token}
    )
    assert bad.status == 400
    assert (await officer.get("/clusters/LNK-AAAAAAAA")).status == 404
    with factory(officer)() as session:
        assert [link.reference for link in linking.links_for(session, second)] == [first]
    assert audited(officer, "link_confirmed") == [] and audited(officer, "link_rejected") == []
