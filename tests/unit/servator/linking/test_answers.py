"""An answer to an officer's question (servator/storage/followup.py) is read for linking: the report is
linked again with it, keeping the links it had (SQLite and PostgreSQL: the `sessions` fixture)."""

from __future__ import annotations

from servator.linking import link_report, unlinked
from servator.storage import FollowUps, Report, SqlUnitOfWork
from tests.support.linking_helpers import days, draft, settings, store_and_link


def answer(sessions, reference: str, text: str) -> None:
    with SqlUnitOfWork(sessions) as uow:
        report_id = uow.session.query(Report.id).filter(Report.reference == reference).scalar()
        followups = FollowUps(uow.session)
        question = followups.ask(report_id, "pc.ames", "Did you see the car's number plate?")
        uow.session.flush()
        followups.answer(question.id, text, "rest")
        uow.commit()


def relink(sessions, reference: str):
    with sessions() as session:
        assert reference in unlinked(session, settings()), "the answer makes the report due again"
        links = link_report(session, reference, settings())
        session.commit()
    return links


def test_a_plate_given_in_an_answer_links_the_report_to_that_car(sessions):
    car, _ = store_and_link(sessions, draft(vehicle_text="silver Ford Focus KX19 PLM"))
    vague, links = store_and_link(sessions, draft(vehicle_text="a silver car", occurred_at=days(0.5)))
    assert [link for link in links if link.rule == "vehicle"] == []
    answer(sessions, vague, "yes it was KX19 PLM, a Ford Focus")
    new = relink(sessions, vague)
    assert [(link.reference, link.rule) for link in new] == [(car, "vehicle")]


def test_links_made_before_the_answer_stay_and_are_not_made_twice(sessions):
    first, _ = store_and_link(sessions, draft(vehicle_text="red Mini AB12 CDE"))
    second, before = store_and_link(sessions, draft(vehicle_text="red mini AB12CDE", occurred_at=days(1)))
    assert [link.reference for link in before] == [first]
    answer(sessions, second, "nothing more to add, it was the same red Mini")
    assert relink(sessions, second) == [], "no new link, and the old one is not inserted again"
    with sessions() as session:
        assert [link.reference for link in link_report(session, second, settings())] == [first]


def test_an_answer_without_anything_to_link_on_links_nothing(sessions):
    store_and_link(sessions, draft(vehicle_text="blue Audi"))
    lonely, _ = store_and_link(sessions, draft(occurred_at=days(2)))
    answer(sessions, lonely, "sorry, I don't remember any more")
    assert relink(sessions, lonely) == []
