"""Officers confirming or rejecting links: what the cluster, the score, the export and the alerts become."""

from __future__ import annotations

from sqlalchemy import select, update

from servator import linking
from servator.records.exports import export_rows
from servator.storage import Notification, Report, ReportFeatures
from tests.support.linking_helpers import days, draft, store_and_link


def car(day: float, plate: str = "AB12 CDE", **changes):
    return draft(
        vehicle_registration=plate, vehicle_text=f"silver Ford {plate}", occurred_at=days(day), **changes
    )


def decide(sessions, reference, other, decision):
    with sessions() as session:
        decided = linking.decide(session, reference, other, decision, "pc_ames")
        session.commit()
    return decided


def cluster_alerts(sessions):
    with sessions() as session:
        return session.execute(select(Notification.id).where(Notification.kind == "cluster")).all()


def test_a_confirmed_link_raises_the_cluster_score_and_shows_in_the_export(sessions):
    a, _ = store_and_link(sessions, car(0))
    b, _ = store_and_link(sessions, car(2))
    with sessions() as session:
        before = linking.cluster(session, linking.cluster_for(session, a)).score
    assert before == 0.75
    assert decide(sessions, b, a, linking.CONFIRMED) is not None
    with sessions() as session:
        assert linking.cluster(session, linking.cluster_for(session, a)).score == 1.0
        [link] = linking.links_for(session, a)
        assert link.confirmed
        report = session.execute(select(Report).where(Report.reference == a)).scalar_one()
        [row] = export_rows(session, [report])
    assert row["links"] == [
        {"reference": b, "rule": "vehicle", "score": 0.75, "reason": link.reason, "confirmed": True}
    ]
    assert cluster_alerts(sessions) == [], "confirming alone never alerts"


def test_a_rejected_pair_loses_its_link_and_never_links_again(sessions):
    a, _ = store_and_link(sessions, car(0))
    b, _ = store_and_link(sessions, car(2))
    decided = decide(sessions, a, b, linking.REJECTED)
    assert decided is not None and decided.decision == "rejected"
    with sessions() as session:
        assert linking.links_for(session, a) == [] and linking.cluster_for(session, a) is None
        assert [row.reference for row in linking.not_linked(session, a)] == [b]
        # The sweep links a report again (a failed attempt, a restart): the rejected pair stays apart.
        session.execute(update(ReportFeatures).where(ReportFeatures.reference == b).values(linked_at=None))
        session.commit()
        assert linking.link_report(session, b) == []
        session.commit()
    c, links = store_and_link(sessions, car(3))
    assert sorted(link.reference for link in links) == sorted([a, b]), "a new report still links to each"
    with sessions() as session:
        assert [link.reference for link in linking.links_for(session, a)] == [c]
    assert decide(sessions, a, b, linking.CONFIRMED) is None, "no link left to confirm"


def test_rejecting_a_link_splits_the_cluster_and_it_alerts_again_only_when_it_grows(sessions):
    a, _ = store_and_link(sessions, car(0))
    b, _ = store_and_link(sessions, car(1))
    c, _ = store_and_link(sessions, car(2, plate="AB12 CDF"))  # one character off
    assert len(cluster_alerts(sessions)) == 1, "three sightings: one alert"
    decide(sessions, c, a, linking.REJECTED)
    decide(sessions, c, b, linking.REJECTED)
    with sessions() as session:
        cluster_id = linking.cluster_for(session, a)
        assert linking.cluster_for(session, c) is None
        assert sorted(linking.cluster(session, cluster_id).references) == sorted([a, b])
    store_and_link(sessions, car(20, plate="XY12 ZZZ"))  # unrelated: nothing grows
    assert len(cluster_alerts(sessions)) == 1
    d, _ = store_and_link(sessions, car(3))
    with sessions() as session:
        assert linking.cluster_for(session, d) == cluster_id
    assert len(cluster_alerts(sessions)) == 2, "the cluster grew past its alerted size with new links"


def test_a_decision_needs_a_link_between_two_known_reports(sessions):
    a, _ = store_and_link(sessions, car(0))
    b, _ = store_and_link(sessions, car(0, plate="XY12 ZZZ"))
    assert decide(sessions, a, b, linking.CONFIRMED) is None
    assert decide(sessions, a, "SRV-20260101-AAAAAA", linking.REJECTED) is None
