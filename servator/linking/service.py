"""link_report: features, links, cluster and (at most one) alert for one stored report, in the caller's
transaction. Linking runs after the report's own commit; the caller commits (or rolls back) this."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from servator.linking import rules
from servator.linking.clusters import attach
from servator.linking.decisions import confirmed_pairs, rejected_others, score_of
from servator.linking.features import feature_values, plate_key_rows
from servator.linking.settings import LinkSettings
from servator.linking.views import Link, links_for
from servator.storage.followup import FollowUps
from servator.storage.link_tables import LinkCluster, PlateKey, ReportFeatures, ReportLink
from servator.storage.models import Report, utcnow
from servator.storage.repository import AuditLog, NotificationOutbox

log = logging.getLogger(__name__)
# Any fixed 64-bit number: one linking transaction at a time across processes on PostgreSQL.
LINK_LOCK_KEY = 0x5E12_7A70_0002
ACTOR = "linking"


def serialise(session: Session) -> None:
    """Take the linking lock before reading anything, so two linkers never merge clusters at once:
    PostgreSQL an advisory transaction lock, SQLite the database write lock (BEGIN IMMEDIATE)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None and not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _features(session: Session, report: Report, now: datetime) -> ReportFeatures:
    """The report's features row, computed now unless an earlier attempt already did."""
    row: ReportFeatures | None = session.get(ReportFeatures, report.id)
    if row is not None and row.computed_at is not None:
        return row
    values = feature_values(report, now, answers=FollowUps(session).answers_text(report.id))
    if row is None:
        row = ReportFeatures(report_id=report.id, link_attempts=0, **values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.flush()
    session.execute(delete(PlateKey).where(PlateKey.report_id == report.id))
    keys = plate_key_rows(report.id, values)
    if keys:
        session.execute(insert(PlateKey), keys)
    return row


def _linked_others(session: Session, report_id: int) -> set[int]:
    """The reports already linked with this one, either way."""
    query = select(ReportLink.report_id, ReportLink.other_id).where(
        or_(ReportLink.report_id == report_id, ReportLink.other_id == report_id)
    )
    return {a if b == report_id else b for a, b in session.execute(query)}


def link_report(session: Session, reference: str, settings: LinkSettings | None = None) -> list[Link]:
    """Compute and store the links of one stored report; idempotent (a linked report keeps its links).

    Raises LookupError for an unknown reference. The caller commits.
    """
    settings = settings or LinkSettings.from_env()
    serialise(session)
    report = session.execute(select(Report).where(Report.reference == reference)).scalar_one_or_none()
    if report is None:
        raise LookupError(reference)
    now = utcnow()
    me = _features(session, report, now)
    if me.linked_at is not None:
        return links_for(session, reference)
    # Read again after an answer (FollowUps.answer): the pairs already linked keep their links.
    known = rejected_others(session, me.report_id) | _linked_others(session, me.report_id)
    found = [
        link
        for link in rules.find_links(session, me, report.vehicle_text or "", settings)
        if link.other_id not in known
    ]
    if found:
        session.execute(
            insert(ReportLink),
            [
                {
                    "report_id": me.report_id,
                    "other_id": link.other_id,
                    "rule": link.rule,
                    "score": link.score,
                    "reason": link.reason,
                    "created_at": now,
                }
                for link in found
            ],
        )
    cluster = attach(session, me, found)
    if cluster is not None:
        _alert_if_due(session, cluster, me, settings)
    me.linked_at, me.next_attempt_at, me.last_error = now, None, None
    session.flush()
    return sorted(
        (Link(link.other_reference, link.rule, link.score, link.reason) for link in found),
        key=lambda link: (-link.score, link.reference, link.rule),
    )


def _alert_if_due(session: Session, cluster: LinkCluster, me: ReportFeatures, settings: LinkSettings) -> None:
    """One alert per officer chat when the cluster's score reaches the threshold and it has grown since
    officers were last told (never one alert per report of an unchanged cluster). Reports that all
    come from one sender are that person's flood, not a pattern: its first report's alert stands."""
    if cluster.score < settings.alert_score or cluster.size <= cluster.alerted_size:
        return
    if _senders(session, cluster.id) <= 1:
        return
    for chat in settings.officer_chat_ids:
        NotificationOutbox(session).add_cluster_alert(me.report_id, chat, cluster.id)
    AuditLog(session).record(
        ACTOR,
        "cluster_alert",
        me.reference,
        f"cluster={cluster.id} size={cluster.size} notify={len(settings.officer_chat_ids)}",
    )
    cluster.alerted_size, cluster.alerted_at = cluster.size, utcnow()


def _senders(session: Session, cluster_id: str) -> int:
    """How many different senders (by hash) the cluster's reports come from."""
    query = (
        select(func.count(func.distinct(Report.sender_hash)))
        .join(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(ReportFeatures.cluster_id == cluster_id)
    )
    return int(session.execute(query).scalar_one())


def record_failure(session: Session, reference: str, error: BaseException, settings: LinkSettings) -> None:
    """Count a failed attempt (class name only) and when to try again: 1, 2, 4 … minutes, at most a day."""
    report = session.execute(select(Report).where(Report.reference == reference)).scalar_one_or_none()
    if report is None:
        return
    row = session.get(ReportFeatures, report.id)
    now = utcnow()
    if row is None:
        row = ReportFeatures(
            report_id=report.id,
            reference=report.reference,
            occurred_at=report.occurred_at or report.created_at or now,
            category=report.category or "other",
            urgent=bool(report.still_happening),
            link_attempts=0,
        )
        session.add(row)
    row.link_attempts = (row.link_attempts or 0) + 1
    row.last_error = type(error).__name__[:64]
    row.next_attempt_at = now + timedelta(minutes=min(2 ** (row.link_attempts - 1), 24 * 60))


def unlinked(session: Session, settings: LinkSettings, limit: int = 50) -> list[str]:
    """References of stored reports still to link (never tried, or due for a retry), oldest first."""
    now = utcnow()
    query = (
        select(Report.reference)
        .outerjoin(ReportFeatures, ReportFeatures.report_id == Report.id)
        .where(
            or_(
                ReportFeatures.report_id.is_(None),
                (ReportFeatures.linked_at.is_(None))
                & (ReportFeatures.link_attempts < settings.max_attempts)
                & (or_(ReportFeatures.next_attempt_at.is_(None), ReportFeatures.next_attempt_at <= now)),
            )
        )
        .order_by(Report.created_at, Report.id)
        .limit(limit)
    )
    return list(session.execute(query).scalars())


def repair_clusters(session: Session) -> int:
    """After reports are deleted (purge): drop clusters left with fewer than two reports and recount the
    rest (size, time span, score from the links left). Returns how many clusters changed."""
    changed = 0
    counts = dict(
        session.execute(
            select(ReportFeatures.cluster_id, func.count())
            .where(ReportFeatures.cluster_id.isnot(None))
            .group_by(ReportFeatures.cluster_id)
        ).all()
    )
    for cluster in list(session.execute(select(LinkCluster)).scalars()):
        size = counts.get(cluster.id, 0)
        if size == cluster.size:
            continue
        changed += 1
        if size < 2:
            session.execute(
                ReportFeatures.__table__.update()
                .where(ReportFeatures.cluster_id == cluster.id)
                .values(cluster_id=None)
            )
            session.delete(cluster)
            continue
        first, last = session.execute(
            select(func.min(ReportFeatures.occurred_at), func.max(ReportFeatures.occurred_at)).where(
                ReportFeatures.cluster_id == cluster.id
            )
        ).one()
        links = [
            (report_id, other_id, float(score))
            for report_id, other_id, score in session.execute(
                select(ReportLink.report_id, ReportLink.other_id, ReportLink.score)
                .join(ReportFeatures, ReportFeatures.report_id == ReportLink.report_id)
                .where(ReportFeatures.cluster_id == cluster.id)
            )
        ]
        confirmed = confirmed_pairs(session, {report_id for report_id, _, _ in links})
        cluster.size, cluster.first_seen, cluster.last_seen = size, first, last
        cluster.score, cluster.alerted_size = score_of(links, confirmed), min(cluster.alerted_size, size)
    return changed
