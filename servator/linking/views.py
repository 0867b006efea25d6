"""Read side: the links and clusters officers (CLI, Telegram, dashboard) see. Nothing here writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from servator.linking.clusters import Member, Summary, members, rule_counts, summarise
from servator.linking.decisions import CONFIRMED, REJECTED, decisions_for, pair
from servator.storage.link_tables import LinkCluster, LinkDecision, ReportFeatures, ReportLink
from servator.storage.models import Report

# Reports per IN list (SQLite allows 32,766 bound values; PostgreSQL more).
SUMMARY_CHUNK = 2000


@dataclass(frozen=True)
class Link:
    """A link from one report to `reference` (the other report), by one rule, with its score and reason."""

    reference: str
    rule: str
    score: float
    reason: str
    confirmed: bool = False  # an officer confirmed the two reports are connected

    def export(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "rule": self.rule,
            "score": self.score,
            "reason": self.reason,
            "confirmed": self.confirmed,
        }


@dataclass(frozen=True)
class PairLink:
    """A link inside a cluster, between two of its reports."""

    reference: str
    other_reference: str
    rule: str
    score: float
    reason: str
    confirmed: bool


@dataclass(frozen=True)
class NotLinked:
    """A pair an officer said is not linked: the other report, who said so and when."""

    reference: str
    officer: str
    decided_at: datetime


@dataclass(frozen=True)
class Cluster:
    """Connected reports. places: (name, lat, lon) of where they were (lat/lon None when unknown)."""

    id: str
    references: list[str]
    score: float
    reason: str
    first_seen: datetime
    last_seen: datetime
    places: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    alerted: bool = False


def _report_id(session: Session, reference: str) -> int | None:
    found: int | None = session.execute(
        select(Report.id).where(Report.reference == reference)
    ).scalar_one_or_none()
    return found


def links_for(session: Session, reference: str) -> list[Link]:
    """Every link of the report `reference`, strongest first ([] for an unknown or unlinked report)."""
    me = _report_id(session, reference)
    if me is None:
        return []
    rows = _link_rows(session, or_(ReportLink.report_id == me, ReportLink.other_id == me))
    decided = decisions_for(session, [me])
    found = [
        Link(
            reference=other_ref if report_id == me else my_ref,
            rule=rule,
            score=float(score),
            reason=reason,
            confirmed=decided.get(pair(report_id, other_id)) == CONFIRMED,
        )
        for report_id, other_id, my_ref, other_ref, rule, score, reason in rows
    ]
    return sorted(found, key=lambda link: (-link.score, link.reference, link.rule))


def not_linked(session: Session, reference: str) -> list[NotLinked]:
    """The reports officers said are not linked to `reference`, latest decision first."""
    me = _report_id(session, reference)
    if me is None:
        return []
    other = aliased(Report)
    rows = session.execute(
        select(other.reference, LinkDecision.officer, LinkDecision.decided_at)
        .join(other, or_(other.id == LinkDecision.report_a, other.id == LinkDecision.report_b))
        .where(
            LinkDecision.decision == REJECTED,
            or_(LinkDecision.report_a == me, LinkDecision.report_b == me),
            other.id != me,
        )
        .order_by(LinkDecision.decided_at.desc())
    )
    return [NotLinked(ref, officer, at) for ref, officer, at in rows]


def _link_rows(session: Session, condition: Any) -> list[Any]:
    """The links meeting `condition`, as (report id, other id, reference, other reference, rule, score, reason)."""
    mine, theirs = aliased(Report), aliased(Report)
    ids, references = (ReportLink.report_id, ReportLink.other_id), (mine.reference, theirs.reference)
    query = select(*ids, *references, ReportLink.rule, ReportLink.score, ReportLink.reason)
    query = query.join(mine, mine.id == ReportLink.report_id).join(theirs, theirs.id == ReportLink.other_id)
    return list(session.execute(query.where(condition)))


def cluster_links(session: Session, cluster_id: str) -> list[PairLink]:
    """Every link between the reports of one cluster, strongest first."""
    members = list(
        session.execute(
            select(ReportFeatures.report_id).where(ReportFeatures.cluster_id == cluster_id)
        ).scalars()
    )
    if not members:
        return []
    rows = _link_rows(session, ReportLink.report_id.in_(members))
    decided = decisions_for(session, members)
    found = [
        PairLink(a_ref, b_ref, rule, float(score), reason, decided.get(pair(a, b)) == CONFIRMED)
        for a, b, a_ref, b_ref, rule, score, reason in rows
    ]
    return sorted(found, key=lambda link: (-link.score, link.reference, link.other_reference))


def link_details(session: Session, report_ids: Sequence[int]) -> dict[int, list[Link]]:
    """For the export: report id -> its links (with `confirmed`), read per SUMMARY_CHUNK of reports."""
    wanted = list(dict.fromkeys(report_ids))
    found: dict[int, list[Link]] = {report_id: [] for report_id in wanted}
    for start in range(0, len(wanted), SUMMARY_CHUNK):
        chunk = set(wanted[start : start + SUMMARY_CHUNK])
        rows = _link_rows(session, or_(ReportLink.report_id.in_(chunk), ReportLink.other_id.in_(chunk)))
        decided = decisions_for(session, chunk)
        for a, b, a_ref, b_ref, rule, score, reason in rows:
            confirmed = decided.get(pair(a, b)) == CONFIRMED
            if a in chunk:
                found[a].append(Link(b_ref, rule, float(score), reason, confirmed))
            if b in chunk:
                found[b].append(Link(a_ref, rule, float(score), reason, confirmed))
    return {
        report_id: sorted(links, key=lambda link: (-link.score, link.reference, link.rule))
        for report_id, links in found.items()
    }


def cluster_for(session: Session, reference: str) -> str | None:
    """The id of the cluster the report is in, or None."""
    cluster: str | None = session.execute(
        select(ReportFeatures.cluster_id).where(ReportFeatures.reference == reference)
    ).scalar_one_or_none()
    return cluster


def _cluster(session: Session, row: LinkCluster, everyone: list[Member]) -> Cluster:
    summary = summarise(everyone, rule_counts(session, row.id))
    return Cluster(
        id=row.id,
        references=[member.reference for member in everyone],
        score=float(row.score),
        reason=summary.reason(),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        places=summary.places(),
        alerted=row.alerted_size > 0,
    )


def clusters(session: Session, since: datetime | None = None) -> list[Cluster]:
    """Clusters with a report on or after `since` (all when None), most recent first."""
    query = select(LinkCluster).order_by(LinkCluster.last_seen.desc(), LinkCluster.id)
    if since is not None:
        query = query.where(LinkCluster.last_seen >= since)
    rows = list(session.execute(query).scalars())
    grouped = members(session, [row.id for row in rows])
    return [_cluster(session, row, grouped[row.id]) for row in rows if grouped[row.id]]


def cluster(session: Session, cluster_id: str) -> Cluster | None:
    row = session.get(LinkCluster, cluster_id)
    if row is None:
        return None
    everyone = members(session, [cluster_id])[cluster_id]
    return _cluster(session, row, everyone) if everyone else None


def alert_view(session: Session, cluster_id: str) -> dict[str, Any] | None:
    """What an officers' alert about a cluster may say: references, the minimised reason (no registration,
    description or contact), categories, how many are urgent, the time span and coarse place names."""
    row = session.get(LinkCluster, cluster_id)
    everyone = members(session, [cluster_id])[cluster_id] if row is not None else []
    if row is None or not everyone:
        return None
    summary: Summary = summarise(everyone, rule_counts(session, cluster_id))
    categories: dict[str, int] = {}
    for member in everyone:
        categories[member.category] = categories.get(member.category, 0) + 1
    return {
        "cluster": cluster_id,
        "references": [member.reference for member in everyone],
        "reason": summary.alert_reason(),
        "categories": categories,
        "urgent": sum(member.urgent for member in everyone),
        "first_seen": everyone[0].occurred_at,
        "last_seen": everyone[-1].occurred_at,
        "places": [name for name, _lat, _lon in summary.places()],
        "score": float(row.score),
    }


def link_summaries(session: Session, report_ids: Sequence[int]) -> dict[int, tuple[list[str], str | None]]:
    """For the export and the dashboard's queue: report id -> (linked references, cluster id), read for
    those reports only (two queries per SUMMARY_CHUNK of them)."""
    wanted = list(dict.fromkeys(report_ids))
    found: dict[int, tuple[list[str], str | None]] = {report_id: ([], None) for report_id in wanted}
    for start in range(0, len(wanted), SUMMARY_CHUNK):
        _summarise_chunk(session, set(wanted[start : start + SUMMARY_CHUNK]), found)
    return {
        report_id: (sorted(references), cluster_id) for report_id, (references, cluster_id) in found.items()
    }


def _summarise_chunk(
    session: Session, wanted: set[int], found: dict[int, tuple[list[str], str | None]]
) -> None:
    mine, theirs = aliased(Report), aliased(Report)
    rows = session.execute(
        select(ReportLink.report_id, mine.reference, ReportLink.other_id, theirs.reference)
        .join(mine, mine.id == ReportLink.report_id)
        .join(theirs, theirs.id == ReportLink.other_id)
        .where(or_(ReportLink.report_id.in_(wanted), ReportLink.other_id.in_(wanted)))
    )
    for report_id, my_reference, other_id, other_reference in rows:
        if report_id in wanted and other_reference not in found[report_id][0]:
            found[report_id][0].append(other_reference)
        if other_id in wanted and my_reference not in found[other_id][0]:
            found[other_id][0].append(my_reference)
    for report_id, cluster_id in session.execute(
        select(ReportFeatures.report_id, ReportFeatures.cluster_id).where(
            ReportFeatures.cluster_id.isnot(None), ReportFeatures.report_id.in_(wanted)
        )
    ):
        found[report_id] = (found[report_id][0], cluster_id)
