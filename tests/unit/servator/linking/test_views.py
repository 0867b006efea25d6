"""What officers see of links: views of a report, and the minimised cluster alert."""

from __future__ import annotations

import pytest

from servator import linking
from tests.support.linking_helpers import (
    draft,
    settings,
    sighting,
    store,
    store_and_link,
)


def test_an_unknown_reference_is_refused_and_views_of_an_unlinked_report_are_empty(sessions):
    reference = store(sessions, draft())
    with sessions() as session:
        with pytest.raises(LookupError):
            linking.link_report(session, "SRV-20990101-ZZZZZZ", settings())
        assert linking.links_for(session, reference) == [] and linking.cluster_for(session, reference) is None
        assert linking.links_for(session, "SRV-20990101-ZZZZZZ") == []


def test_the_alert_view_is_minimised(sessions):
    for day, place in enumerate(["Embassy of Russia", "US embassy", "Israeli embassy"]):
        reference, _ = store_and_link(
            sessions,
            sighting(
                place,
                day,
                description="tall man filming the gate",
                people_description="grey hoodie",
                contact_consent=True,
                contact_phone="07700900123",
                still_happening=day == 2,
            ),
        )
    with sessions() as session:
        view = linking.alert_view(session, linking.cluster_for(session, reference))
    text = repr(view)
    for detail in ("AB12", "Ford", "filming", "hoodie", "07700900123"):
        assert detail not in text, detail
    assert view["reason"] == "same vehicle: 3 reports in 3 days, 3 places"
    assert view["urgent"] == 1 and view["categories"] == {"other": 3}
    assert view["places"] == ["Embassy of Russia", "Embassy of the United States", "Embassy of Israel"]
