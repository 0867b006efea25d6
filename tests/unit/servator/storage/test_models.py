"""Times are stored and read back as aware UTC on every backend, whatever zone they were given in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from servator.storage import SqlUnitOfWork, submit_report
from tests.support.storage_helpers import full_draft

LONDON_SUMMER = timezone(timedelta(hours=1))


def test_a_time_given_in_another_zone_or_naive_comes_back_as_the_same_moment_in_utc(sessions, outbox):
    summer = datetime(2026, 7, 1, 15, 0, tzinfo=LONDON_SUMMER)
    first = submit_report(full_draft("zoned", occurred_at=summer), sessions, outbox).reference
    second = submit_report(
        full_draft("naive", occurred_at=datetime(2026, 7, 1, 14, 0)), sessions, outbox
    ).reference
    with SqlUnitOfWork(sessions) as uow:
        zoned, naive = uow.reports.get(first).occurred_at, uow.reports.get(second).occurred_at
    assert zoned == naive == datetime(2026, 7, 1, 14, 0, tzinfo=timezone.utc)
    assert zoned.utcoffset() == timedelta(0) and naive.utcoffset() == timedelta(0)
