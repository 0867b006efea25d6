"""Where a report is on the map: the place it names or the location it shared, else nowhere."""

from __future__ import annotations

import pytest

from servator.storage import Report
from servator.storage.points import PLACE, SHARED, points_for
from tests.support.linking_helpers import draft, store, store_and_link


def ids(sessions, *references: str) -> list[int]:
    with sessions() as session:
        return [session.query(Report.id).filter(Report.reference == r).scalar() for r in references]


def test_a_named_place_a_shared_location_and_neither(sessions):
    named, _ = store_and_link(sessions, draft(location_text="Trafalgar Square"))
    shared, _ = store_and_link(sessions, draft(latitude=51.5033, longitude=-0.1276))
    nowhere = store(sessions, draft())
    named_id, shared_id, nowhere_id = ids(sessions, named, shared, nowhere)
    with sessions() as session:
        points = points_for(session, [named_id, shared_id, nowhere_id])
    assert set(points) == {named_id, shared_id}
    assert points[named_id].source == PLACE
    shared_point = points[shared_id]
    assert shared_point.source == SHARED
    assert (shared_point.lat, shared_point.lon) == pytest.approx((51.5033, -0.1276), abs=0.001)


def test_no_reports_need_no_query(sessions):
    with sessions() as session:
        assert points_for(session, []) == {}
