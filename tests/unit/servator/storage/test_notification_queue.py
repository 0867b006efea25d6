"""The officer notification queue: urgent reports first, re-alerts of unacknowledged urgent reports, backlog."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from servator.storage import Notification, SqlUnitOfWork, store_draft
from tests.support.storage_helpers import full_draft

CHAT = "-100777"


def _store(sessions, key: str, urgent: bool) -> str:
    reference, created = store_draft(full_draft(key, still_happening=urgent), sessions, [CHAT])
    assert created
    return reference


def _pending(sessions):
    with SqlUnitOfWork(sessions) as uow:
        return uow.notifications.pending(50)


def _deliver_all(sessions, minutes_ago: float = 0.0) -> None:
    with SqlUnitOfWork(sessions) as uow:
        for row in uow.notifications.pending(50):
            uow.notifications.mark_sent(row.id)
        uow.commit()
    when = datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)
    with sessions() as session, session.begin():
        session.execute(update(Notification).where(Notification.status == "sent").values(sent_at=when))


def _schedule(sessions, after_minutes: float = 10, max_realerts: int = 2) -> int:
    with SqlUnitOfWork(sessions) as uow:
        added = uow.notifications.schedule_realerts(
            datetime.now(timezone.utc) - timedelta(minutes=after_minutes), max_realerts
        )
        uow.commit()
    return added


def test_an_urgent_report_jumps_a_queue_of_older_ones(sessions):
    older = [_store(sessions, f"flood-{n}", urgent=False) for n in range(5)]
    urgent = _store(sessions, "real-one", urgent=True)
    queue = _pending(sessions)
    assert [row.reference for row in queue] == [urgent, *older]
    assert queue[0].urgent and not any(row.urgent for row in queue[1:])


def test_an_unacknowledged_urgent_report_is_re_alerted_a_bounded_number_of_times(sessions):
    urgent = _store(sessions, "urgent", urgent=True)
    calm = _store(sessions, "calm", urgent=False)
    _deliver_all(sessions, minutes_ago=5)
    assert _schedule(sessions) == 0, "not yet: the last alert went out 5 minutes ago"
    _deliver_all(sessions, minutes_ago=11)
    assert _schedule(sessions) == 1
    assert _schedule(sessions) == 0, "never a second re-alert while one is pending"
    [row] = _pending(sessions)
    assert (row.reference, row.chat_id, row.realert, row.urgent) == (urgent, CHAT, 1, True)
    _deliver_all(sessions, minutes_ago=11)
    assert _schedule(sessions) == 1 and [r.realert for r in _pending(sessions)] == [2]
    _deliver_all(sessions, minutes_ago=11)
    assert _schedule(sessions) == 0, "max_realerts=2 reached"
    assert calm not in [r.reference for r in _pending(sessions)]


def test_an_acknowledged_urgent_report_is_not_re_alerted(sessions):
    urgent = _store(sessions, "urgent", urgent=True)
    _deliver_all(sessions, minutes_ago=30)
    with SqlUnitOfWork(sessions) as uow:
        uow.reports.set_status(urgent, "reviewed")
        uow.commit()
    assert _schedule(sessions) == 0 and _pending(sessions) == []


def test_backlog_counts_undelivered_alerts_and_the_oldest(sessions):
    with SqlUnitOfWork(sessions) as uow:
        assert uow.notifications.backlog().pending == 0 and uow.notifications.backlog().oldest is None
    _store(sessions, "one", urgent=False)
    _store(sessions, "two", urgent=True)
    with SqlUnitOfWork(sessions) as uow:
        backlog = uow.notifications.backlog()
    assert backlog.pending == 2
    assert backlog.oldest is not None and abs(datetime.now(timezone.utc) - backlog.oldest) < timedelta(
        minutes=1
    )
