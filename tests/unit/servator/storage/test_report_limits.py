"""Report limits per sender, where every report is stored (servator/storage/report_writer.py), and
one alert for a flood of reports from one sender."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from servator.storage import Notification, Report, SenderLimit, submit_report
from tests.support.storage_helpers import full_draft

OFFICERS = ["1001", "1002"]
FLOODER = "a" * 32


def reports_and_alerts(sessions) -> tuple[list[str], dict[str, int]]:
    with sessions() as session:
        references = list(session.execute(select(Report.reference).order_by(Report.id)).scalars())
        alerts: dict[str, int] = {}
        for (reference,) in session.execute(
            select(Report.reference).join(Notification, Notification.report_id == Report.id)
        ):
            alerts[reference] = alerts.get(reference, 0) + 1
    return references, alerts


def test_a_sender_past_the_limit_is_refused_and_nothing_is_stored(sessions, outbox):
    limit = SenderLimit(3)
    results = [
        submit_report(full_draft(f"k{i}", sender_hash=FLOODER), sessions, outbox, OFFICERS, limit=limit)
        for i in range(5)
    ]
    assert [(r.stored, r.refused) for r in results] == [(True, False)] * 3 + [(False, True)] * 2
    assert not any(r.queued for r in results) and not outbox.pending(), "nothing queued either"
    references, alerts = reports_and_alerts(sessions)
    assert references == [r.reference for r in results[:3]]
    assert alerts == {results[0].reference: len(OFFICERS)}, "the flood alerts once, through its first report"
    other = submit_report(full_draft("someone-else"), sessions, outbox, OFFICERS, limit=limit)
    assert other.stored and reports_and_alerts(sessions)[1][other.reference] == len(OFFICERS)


def test_sending_the_same_report_again_is_not_refused(sessions, outbox):
    limit = SenderLimit(1)
    first = submit_report(full_draft("same", sender_hash=FLOODER), sessions, outbox, OFFICERS, limit=limit)
    again = submit_report(full_draft("same", sender_hash=FLOODER), sessions, outbox, OFFICERS, limit=limit)
    assert again.stored and again.reference == first.reference


def test_the_limit_counts_the_last_hour_only(sessions, outbox):
    limit = SenderLimit(1)
    first = submit_report(full_draft("k1", sender_hash=FLOODER), sessions, outbox, OFFICERS, limit=limit)
    with sessions() as session:
        report = session.execute(select(Report).where(Report.reference == first.reference)).scalar_one()
        report.created_at = report.created_at - timedelta(minutes=61)
        session.commit()
    later = submit_report(full_draft("k2", sender_hash=FLOODER), sessions, outbox, OFFICERS, limit=limit)
    assert later.stored
    assert reports_and_alerts(sessions)[1][later.reference] == len(OFFICERS), "a new hour alerts again"


def test_reports_queued_while_storage_was_down_are_stored_whatever_the_limit(sessions, outbox):
    for i in range(4):
        outbox.put(full_draft(f"q{i}", sender_hash=FLOODER), OFFICERS)
    assert outbox.flush(sessions) == 4
    references, alerts = reports_and_alerts(sessions)
    assert len(references) == 4 and len(alerts) == 1, "all stored, one alert"
