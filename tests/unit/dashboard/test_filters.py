"""The report filter from the query string: what it keeps, what it leaves out with a note, its SQL."""

from __future__ import annotations

from datetime import date, datetime, timezone

from multidict import MultiDict
from sqlalchemy import select

from dashboard.filters import ReportFilter, london_midnight, london_parts
from reading.london import london_time
from servator.storage import Report, store_draft
from tests.support.storage_helpers import full_draft


def test_statuses_repeated_or_comma_separated_unknown_ones_noted():
    query = MultiDict([("status", "new,ESCALATED"), ("status", "bogus<b>")])
    found = ReportFilter.from_query(query)
    assert found.statuses == ("new", "escalated")
    assert found.notes == ("Unknown status 'bogus<b>' left out.",)


def test_no_status_means_the_default_and_all_means_every_status():
    assert ReportFilter.from_query({}, ("new", "escalated")).statuses == ("new", "escalated")
    assert ReportFilter.from_query({"status": "all"}, ("new", "escalated")).statuses == ()


def test_bad_dates_are_left_out_with_a_note_and_reversed_ones_swapped():
    found = ReportFilter.from_query({"from": "31/01/2026", "to": "2026-02-30"})
    assert (found.date_from, found.date_to) == (None, None) and len(found.notes) == 2
    swapped = ReportFilter.from_query({"from": "2026-03-05", "to": "2026-03-01"})
    assert (swapped.date_from, swapped.date_to) == (date(2026, 3, 1), date(2026, 3, 5))


def test_london_days_follow_british_summer_time():
    assert london_midnight(date(2026, 7, 1)) == datetime(2026, 6, 30, 23, 0, tzinfo=timezone.utc)


def test_the_conditions_select_the_right_reports(sessions):
    made = datetime(2026, 3, 4, 23, 30, tzinfo=timezone.utc)  # 23:30 GMT: still 4 March in London
    store_draft(full_draft("f-1", category="surveillance", location_text="Grosvenor Sq 100%_"), sessions)
    store_draft(full_draft("f-2", category="hostile", location_text="Sloane Street"), sessions)
    with sessions() as session:
        for report in session.execute(select(Report)).scalars():
            report.created_at = made
        session.commit()

        def references(**query: str) -> list[str]:
            conditions = ReportFilter.from_query(query).where()
            return sorted(
                r.location_text for r in session.execute(select(Report).where(*conditions)).scalars()
            )

        assert references(place="grosvenor") == ["Grosvenor Sq 100%_"]
        assert references(place="100%_") == ["Grosvenor Sq 100%_"]
        assert references(place="%") == ["Grosvenor Sq 100%_"], "% is a character, not a wildcard"
        assert references(category="hostile") == ["Sloane Street"]
        assert len(references(**{"from": "2026-03-04", "to": "2026-03-04"})) == 2
        assert references(**{"from": "2026-03-05"}) == []
        assert references(status="closed") == []


def test_the_query_string_round_trips():
    found = ReportFilter.from_query(
        {"status": "new", "category": "hostile", "from": "2026-01-02", "place": "a b"}
    )
    again = ReportFilter.from_query(MultiDict(found.query_items()))
    assert again == found
    assert found.query_string() == "status=new&category=hostile&from=2026-01-02&place=a+b"


def test_a_narrow_column_shows_the_same_london_time_as_everywhere_else_split_in_two():
    summer, naive_utc = datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc), datetime(2026, 1, 1, 12, 0)
    assert (
        str(london_parts(summer))
        == '<span class="day">01 Jul 2026</span> <span class="time">13:00 BST</span>'
    )
    for moment in (summer, naive_utc):
        day, clock = (
            part.split(">")[1].split("<")[0] for part in str(london_parts(moment)).split("</span>")[:2]
        )
        assert f"{day} {clock}" == london_time(moment)
    assert london_parts(None) == ""
