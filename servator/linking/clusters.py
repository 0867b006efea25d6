"""Clusters: reports connected by links. A new report's links join it to the clusters of the reports it
links to; those clusters merge into the oldest one (its id stays). A cluster's score combines all its
links as the chance that at least one is a real connection: 1 - product(1 - link score)."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from reading import regex
from reading.london import LONDON
from reading.references import REFERENCE_ALPHABET
from servator.linking import wording
from servator.linking.candidates import Candidate
from servator.storage.link_tables import LinkCluster, ReportFeatures, ReportLink
from servator.storage.models import Notification, utcnow

CLUSTER_ID_PATTERN = regex.compile(rf"LNK-[{REFERENCE_ALPHABET}]{{8}}")


Node = TypeVar("Node", bound=Hashable)


def new_cluster_id() -> str:
    return "LNK-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def connected_parts(members: Iterable[Node], pairs: Iterable[tuple[Node, Node]]) -> list[list[Node]]:
    """The members grouped by the pairs that join them (pairs naming anyone else are ignored), each part
    in the members' order, the parts in the order of their first member."""
    parent = {member: member for member in members}

    def root(x: Node) -> Node:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    parts: dict[Node, list[Node]] = {}
    for member in parent:
        parts.setdefault(root(member), []).append(member)
    return list(parts.values())


def empty_cluster(
    session: Session,
    first_seen: datetime | None,
    last_seen: datetime | None,
    alerted_at: datetime | None = None,
) -> LinkCluster:
    """A new cluster with no members yet (its id given, flushed), seen from `first_seen` to `last_seen`."""
    cluster = LinkCluster(
        id=new_cluster_id(),
        score=0.0,
        size=0,
        first_seen=first_seen,
        last_seen=last_seen,
        alerted_size=0,
        alerted_at=alerted_at,
        created_at=utcnow(),
    )
    session.add(cluster)
    session.flush()
    return cluster


def attach(session: Session, me: ReportFeatures, links: Sequence[Candidate]) -> LinkCluster | None:
    """Put `me` (and the reports it links to) into one cluster; returns it, or None without links."""
    if not links:
        return None
    others = {link.other_id: link.other_cluster for link in links}
    existing_ids = sorted({cluster for cluster in others.values() if cluster})
    existing = (
        list(session.execute(select(LinkCluster).where(LinkCluster.id.in_(existing_ids))).scalars())
        if existing_ids
        else []
    )
    existing.sort(key=lambda cluster: (cluster.created_at, cluster.id))
    if existing:
        keep: LinkCluster = existing[0]
    else:
        keep = empty_cluster(session, me.occurred_at, me.occurred_at)
    miss = 1.0 - keep.score
    for merged in existing[1:]:
        session.execute(
            update(ReportFeatures).where(ReportFeatures.cluster_id == merged.id).values(cluster_id=keep.id),
            execution_options={"synchronize_session": False},
        )
        session.execute(
            update(Notification).where(Notification.cluster_id == merged.id).values(cluster_id=keep.id),
            execution_options={"synchronize_session": False},
        )
        miss *= 1.0 - merged.score
        keep.size += merged.size
        keep.alerted_size = max(keep.alerted_size, merged.alerted_size)
        keep.first_seen, keep.last_seen = (
            min(keep.first_seen, merged.first_seen),
            max(keep.last_seen, merged.last_seen),
        )
        session.delete(merged)
    joining = [me.report_id] + [other for other, cluster in others.items() if cluster is None]
    session.execute(
        update(ReportFeatures).where(ReportFeatures.report_id.in_(joining)).values(cluster_id=keep.id),
        execution_options={"synchronize_session": False},
    )
    me.cluster_id = keep.id
    if len(joining) > 1:  # reports without a cluster (only after a repair): take their times
        times = session.execute(
            select(func.min(ReportFeatures.occurred_at), func.max(ReportFeatures.occurred_at)).where(
                ReportFeatures.report_id.in_(joining)
            )
        ).one()
        keep.first_seen, keep.last_seen = min(keep.first_seen, times[0]), max(keep.last_seen, times[1])
    keep.size += len(joining)
    keep.first_seen, keep.last_seen = (
        min(keep.first_seen, me.occurred_at),
        max(keep.last_seen, me.occurred_at),
    )
    for link in links:
        miss *= 1.0 - link.score
    keep.score = round(1.0 - miss, 6)
    keep.updated_at = utcnow()
    return keep


@dataclass(frozen=True)
class Member:
    report_id: int
    reference: str
    occurred_at: datetime
    category: str
    urgent: bool
    place_id: str | None
    postcode_district: str | None
    lat: float | None
    lon: float | None
    point: bool
    registration: str | None
    registration_key: str | None


def members(session: Session, cluster_ids: Sequence[str]) -> dict[str, list[Member]]:
    """Members of each cluster, oldest first."""
    if not cluster_ids:
        return {}
    f = ReportFeatures
    rows = session.execute(
        select(
            f.cluster_id,
            f.report_id,
            f.reference,
            f.occurred_at,
            f.category,
            f.urgent,
            f.place_id,
            f.postcode_district,
            f.lat,
            f.lon,
            f.point_lat,
            f.registration,
            f.registration_key,
        )
        .where(f.cluster_id.in_(list(cluster_ids)))
        .order_by(f.occurred_at, f.report_id)
    )
    found: dict[str, list[Member]] = {cluster: [] for cluster in cluster_ids}
    for row in rows:
        found[row.cluster_id].append(
            Member(
                row.report_id,
                row.reference,
                row.occurred_at,
                row.category,
                bool(row.urgent),
                row.place_id,
                row.postcode_district,
                row.lat,
                row.lon,
                row.point_lat is not None,
                row.registration,
                row.registration_key,
            )
        )
    return found


def rule_counts(session: Session, cluster_id: str) -> Counter[str]:
    rows = session.execute(
        select(ReportLink.rule, func.count())
        .join(ReportFeatures, ReportFeatures.report_id == ReportLink.report_id)
        .where(ReportFeatures.cluster_id == cluster_id)
        .group_by(ReportLink.rule)
    )
    return Counter({rule: count for rule, count in rows})


def place_label(member: Member) -> tuple[str, float | None, float | None] | None:
    """(name, lat, lon) of where a report was: gazetteer name, else "shared location", else postcode district."""
    name = wording.place_name(member.place_id)
    if name and not member.point:
        return name, member.lat, member.lon
    if member.point:
        return name or "shared location", member.lat, member.lon
    if member.postcode_district:
        return member.postcode_district, None, None
    return None


def calendar_days(times: Sequence[datetime]) -> int:
    """Days from the first to the last report, both included, in London time."""
    dates = [time.astimezone(LONDON).date() for time in times]
    return (max(dates) - min(dates)).days + 1 if dates else 0


@dataclass(frozen=True)
class Summary:
    kind: str  # the rule that explains most of it: vehicle, place or description
    headline: str  # "same vehicle AB12CDE"
    core: list[Member]  # the reports the headline is about
    everyone: list[Member]

    def places(self, of: Sequence[Member] | None = None) -> list[tuple[str, float | None, float | None]]:
        labels = [place_label(member) for member in (self.everyone if of is None else of)]
        return list({label[0]: label for label in labels if label}.values())

    def reason(self) -> str:
        core_days = calendar_days([member.occurred_at for member in self.core])
        return wording.cluster_reason(
            self.headline,
            [member.reference for member in self.core],
            core_days,
            len(self.places(self.core)),
            len(self.everyone) - len(self.core),
        )

    def alert_reason(self) -> str:
        return wording.alert_reason(
            self.kind,
            len(self.everyone),
            calendar_days([member.occurred_at for member in self.everyone]),
            len(self.places()),
        )


def summarise(everyone: list[Member], counts: Counter[str]) -> Summary:
    """The plainest true sentence: the shared vehicle, else the shared place, else similar descriptions."""
    plates = Counter(member.registration_key for member in everyone if member.registration_key)
    key, seen = plates.most_common(1)[0] if plates else (None, 0)
    if counts.get("vehicle") and key and seen >= 2:
        from servator.linking.plate_keys import one_character_apart

        core = [
            member
            for member in everyone
            if member.registration_key == key
            or (member.registration_key and one_character_apart(member.registration_key, key))
        ]
        return Summary("vehicle", f"same vehicle {core[0].registration}", core, everyone)
    places = Counter(member.place_id for member in everyone if member.place_id)
    place, seen = places.most_common(1)[0] if places else (None, 0)
    if counts.get("place", 0) >= counts.get("description", 0) and counts.get("place"):
        if place and seen >= 2:
            core = [member for member in everyone if member.place_id == place]
            return Summary("place", f"same place {wording.place_name(place)}", core, everyone)
        return Summary("place", "same place", everyone, everyone)
    return Summary("description", "similar descriptions", everyone, everyone)
