"""Clusters of linked reports, their reason sentence, and one officer alert per growth (never per report)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from servator import linking
from servator.storage import (
    AuditEntry,
    LinkCluster,
    Notification,
    ReportLink,
    SqlUnitOfWork,
)
from tests.support.linking_helpers import (
    OFFICER_CHAT,
    days,
    draft,
    settings,
    sighting,
    store_and_link,
)


def alerts(sessions):
    with sessions() as session:
        return list(
            session.execute(
                select(Notification.cluster_id, Notification.chat_id).where(Notification.kind == "cluster")
            )
        )


def test_three_sightings_of_one_car_form_one_cluster_with_one_alert(sessions):
    a, _ = store_and_link(sessions, sighting("Embassy of Russia", 0))
    b, _ = store_and_link(sessions, sighting("US embassy", 2))
    assert alerts(sessions) == [], "one link (0.75) is below the alert score (0.85)"
    c, _ = store_and_link(sessions, sighting("Israeli embassy", 4))
    with sessions() as session:
        cluster_id = linking.cluster_for(session, a)
        assert cluster_id and {linking.cluster_for(session, ref) for ref in (b, c)} == {cluster_id}
        [cluster] = linking.clusters(session)
    assert cluster.id == cluster_id and sorted(cluster.references) == sorted([a, b, c])
    assert cluster.reason == f"same vehicle AB12CDE: {a}, {b}, {c} (3 reports in 5 days, 3 places)"
    assert [name for name, _, _ in cluster.places] == [
        "Embassy of Russia",
        "Embassy of the United States",
        "Embassy of Israel",
    ]
    assert all(lat is not None for _, lat, _ in cluster.places)
    assert cluster.score == pytest.approx(1 - 0.25**3)
    assert alerts(sessions) == [(cluster_id, OFFICER_CHAT)]


def test_an_alerted_cluster_alerts_again_only_when_it_grows(sessions):
    for day, place in enumerate(["Embassy of Russia", "US embassy", "Israeli embassy"]):
        reference, _ = store_and_link(sessions, sighting(place, day))
    assert len(alerts(sessions)) == 1
    with sessions() as session:  # linking the same report again changes nothing
        linking.link_report(session, reference, settings())
        session.commit()
    assert len(alerts(sessions)) == 1
    store_and_link(sessions, draft(location_text="Canary Wharf", occurred_at=days(3)))  # unrelated
    assert len(alerts(sessions)) == 1
    store_and_link(sessions, sighting("Canada House", 5))
    assert len(alerts(sessions)) == 2, "it grew from 3 to 4 reports"


def test_no_alert_without_officer_chats_but_the_cluster_is_still_kept(sessions):
    quiet = settings(officer_chat_ids=())
    for day, place in enumerate(["Embassy of Russia", "US embassy", "Israeli embassy"]):
        store_and_link(sessions, sighting(place, day), quiet)
    assert alerts(sessions) == []
    with sessions() as session:
        [cluster] = linking.clusters(session)
        assert cluster.alerted, "officers would have been told: it is marked, so it does not re-alert"


def test_linking_twice_is_idempotent(sessions):
    store_and_link(sessions, sighting("Embassy of Russia", 0))
    reference, first = store_and_link(sessions, sighting("US embassy", 1))
    with sessions() as session:
        again = linking.link_report(session, reference, settings())
        session.commit()
        count = session.execute(select(func.count()).select_from(ReportLink)).scalar_one()
    assert again == first and count == 1


def test_two_clusters_joined_by_a_new_report_merge_into_the_older_one(sessions):
    store_and_link(sessions, sighting("Embassy of Russia", 0, "AB12 CDE"))
    old, _ = store_and_link(sessions, sighting("US embassy", 1, "AB12 CDE"))
    store_and_link(sessions, sighting("Canada House", 2, "XY66 ZZZ", category="surveillance"))
    young, _ = store_and_link(sessions, sighting("India House", 3, "XY66 ZZZ", category="surveillance"))
    with sessions() as session:
        older, younger = linking.cluster_for(session, old), linking.cluster_for(session, young)
    assert older != younger
    # The same car as the first cluster, at the place (and doing what) the second one was seen.
    bridge, links = store_and_link(
        sessions,
        draft(
            vehicle_registration="AB12 CDE",
            location_text="Canada House",
            category="surveillance",
            occurred_at=days(2.5),
        ),
    )
    assert sorted(link.rule for link in links) == ["place", "vehicle", "vehicle"]
    with sessions() as session:
        assert {linking.cluster_for(session, ref) for ref in (old, young, bridge)} == {older}
        assert session.get(LinkCluster, younger) is None
        [cluster] = linking.clusters(session)
    assert len(cluster.references) == 5


def test_purging_reports_repairs_their_clusters(sessions):
    from datetime import datetime, timezone

    for day, place in enumerate(["Embassy of Russia", "US embassy", "Israeli embassy"]):
        store_and_link(sessions, sighting(place, day))
    with SqlUnitOfWork(sessions) as uow:
        uow.reports.purge_older_than(datetime.now(timezone.utc).replace(year=2100))
        assert linking.repair_clusters(uow.session) == 1
        uow.commit()
        assert uow.session.execute(select(func.count()).select_from(LinkCluster)).scalar_one() == 0
    with sessions() as session:
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() >= 1


def test_the_cluster_alert_is_audited_without_report_text(sessions):
    for day, place in enumerate(["Embassy of Russia", "US embassy", "Israeli embassy"]):
        reference, _ = store_and_link(sessions, sighting(place, day, description="secret words"))
    with SqlUnitOfWork(sessions) as uow:
        [entry] = [e for e in uow.audit.entries() if e.action == "cluster_alert"]
    assert (entry.actor, entry.reference) == ("linking", reference)
    assert re.fullmatch(r"cluster=LNK-[A-Z2-9]{8} size=3 notify=1", entry.detail)
