"""Officers' word on a link: "confirmed" (the two reports are connected) or "rejected" (they are not).

A rejected pair loses its links, its cluster is split where that link held it together, and the
rules never link the pair again (link_report leaves rejected pairs out, whatever arrives later). A
confirmed pair's links count as certain (CONFIRMED_SCORE) in its cluster's score. Neither alerts:
alerts come only from link_report, when a cluster grows with new links beyond the size officers were
last told of. The caller audits and commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from servator.linking.clusters import connected_parts, empty_cluster
from servator.storage.link_tables import LinkCluster, LinkDecision, ReportFeatures, ReportLink
from servator.storage.models import Report, utcnow

CONFIRMED, REJECTED = "confirmed", "rejected"
DECISIONS = (CONFIRMED, REJECTED)
CONFIRMED_SCORE = 1.0
Pair = tuple[int, int]


def pair(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class Decided:
    """What a decision changed: the pair's references, and the cluster ids it touched."""

    reference: str
    other_reference: str
    decision: str
    clusters: list[str]


def rejected_others(session: Session, report_id: int) -> set[int]:
    """The reports officers said are not linked to `report_id`."""
    found = session.execute(
        select(LinkDecision.report_a, LinkDecision.report_b).where(
            LinkDecision.decision == REJECTED,
            or_(LinkDecision.report_a == report_id, LinkDecision.report_b == report_id),
        )
    )
    return {b if a == report_id else a for a, b in found}


def confirmed_pairs(session: Session, report_ids: Iterable[int]) -> set[Pair]:
    wanted = list(set(report_ids))
    if not wanted:
        return set()
    found = session.execute(
        select(LinkDecision.report_a, LinkDecision.report_b).where(
            LinkDecision.decision == CONFIRMED,
            or_(LinkDecision.report_a.in_(wanted), LinkDecision.report_b.in_(wanted)),
        )
    )
    return {(a, b) for a, b in found}


def decide(
    session: Session, reference: str, other_reference: str, decision: str, officer: str
) -> Decided | None:
    """Record an officer's decision on the link between two reports; None when they are not linked (or
    one is unknown). Deciding again replaces the earlier decision; a rejected pair has no link left."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    ids = dict(
        session.execute(
            select(Report.reference, Report.id).where(Report.reference.in_([reference, other_reference]))
        ).all()
    )
    if reference not in ids or other_reference not in ids or reference == other_reference:
        return None
    a, b = pair(ids[reference], ids[other_reference])
    between = or_(
        (ReportLink.report_id == a) & (ReportLink.other_id == b),
        (ReportLink.report_id == b) & (ReportLink.other_id == a),
    )
    reasons = list(session.execute(select(ReportLink.reason).where(between)).scalars())
    if not reasons:
        return None
    row = session.execute(
        select(LinkDecision).where(LinkDecision.report_a == a, LinkDecision.report_b == b)
    ).scalar_one_or_none()
    if row is None:
        row = LinkDecision(report_a=a, report_b=b)
        session.add(row)
    row.decision, row.officer, row.decided_at = decision, officer[:64], utcnow()
    row.reason = "; ".join(reasons)[:1000] if decision == REJECTED else None
    clusters = sorted(
        {
            cluster
            for cluster in session.execute(
                select(ReportFeatures.cluster_id).where(ReportFeatures.report_id.in_([a, b]))
            ).scalars()
            if cluster
        }
    )
    if decision == REJECTED:
        session.execute(delete(ReportLink).where(between), execution_options={"synchronize_session": False})
    session.flush()
    for cluster_id in clusters:
        regroup(session, cluster_id)
    return Decided(reference, other_reference, decision, clusters)


def score_of(links: Iterable[tuple[int, int, float]], confirmed: set[Pair]) -> float:
    """1 - product(1 - link score), a confirmed pair's links counting as CONFIRMED_SCORE."""
    miss = 1.0
    for report_id, other_id, score in links:
        miss *= 1.0 - (CONFIRMED_SCORE if pair(report_id, other_id) in confirmed else score)
    return round(1.0 - miss, 6)


def _components(members: list[int], links: list[tuple[int, int, float]]) -> list[list[int]]:
    """The connected parts of a cluster, largest first."""
    parts = connected_parts(members, ((a, b) for a, b, _score in links))
    return sorted(parts, key=lambda group: (-len(group), min(group)))


def regroup(session: Session, cluster_id: str) -> None:
    """Recount one cluster from the links it has left: the largest connected part keeps the id, other
    parts of two or more become clusters of their own, lone reports leave it; every part's score
    counts confirmed pairs as certain. A part keeps the alerted size (capped at its own size), so it
    alerts again only when it grows."""
    cluster = session.get(LinkCluster, cluster_id)
    if cluster is None:
        return
    members = list(
        session.execute(
            select(ReportFeatures.report_id).where(ReportFeatures.cluster_id == cluster_id)
        ).scalars()
    )
    links = [
        (a, b, float(score))
        for a, b, score in session.execute(
            select(ReportLink.report_id, ReportLink.other_id, ReportLink.score).where(
                ReportLink.report_id.in_(members)
            )
        )
    ]
    confirmed = confirmed_pairs(session, members)
    parts = _components(members, links)
    for index, part in enumerate(parts):
        if len(part) < 2:
            _assign(session, part, None)
            continue
        target = (
            cluster
            if index == 0
            else empty_cluster(session, cluster.first_seen, cluster.last_seen, cluster.alerted_at)
        )
        _assign(session, part, target.id)
        first, last = session.execute(
            select(func.min(ReportFeatures.occurred_at), func.max(ReportFeatures.occurred_at)).where(
                ReportFeatures.report_id.in_(part)
            )
        ).one()
        target.size, target.first_seen, target.last_seen = len(part), first, last
        target.score = score_of([link for link in links if link[0] in part], confirmed)
        target.alerted_size = min(cluster.alerted_size, len(part))
        target.updated_at = utcnow()
    if not parts or len(parts[0]) < 2:
        session.delete(cluster)
    session.flush()


def _assign(session: Session, report_ids: list[int], cluster_id: str | None) -> None:
    session.execute(
        ReportFeatures.__table__.update()
        .where(ReportFeatures.report_id.in_(report_ids))
        .values(cluster_id=cluster_id)
    )


def decisions_for(session: Session, report_ids: Iterable[int]) -> dict[Pair, str]:
    """(lower id, higher id) -> decision, for every decided pair touching `report_ids`."""
    wanted = list(set(report_ids))
    if not wanted:
        return {}
    found = session.execute(
        select(LinkDecision.report_a, LinkDecision.report_b, LinkDecision.decision).where(
            or_(LinkDecision.report_a.in_(wanted), LinkDecision.report_b.in_(wanted))
        )
    )
    return {(a, b): decision for a, b, decision in found}
