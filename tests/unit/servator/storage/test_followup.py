"""Follow-up codes (made, hashed, read back), the lockout and address limit, and what a purge deletes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from reading.references import FOLLOW_UP_CODE_PATTERN
from servator.storage import SqlUnitOfWork, new_code, submit_report
from servator.storage.followup_codes import code_matches
from servator.storage.followup_tables import FollowUpChat, FollowUpCode, FollowUpFailure, FollowUpQuestion
from servator.storage.models import utcnow
from tests.support.storage_helpers import full_draft

ADDRESS = "a" * 32


def test_a_stored_report_gets_a_code_kept_only_as_its_hash(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    assert result.follow_up_code and FOLLOW_UP_CODE_PATTERN.fullmatch(result.follow_up_code)
    with sessions() as session:
        [row] = session.execute(select(FollowUpCode)).scalars()
        assert code_matches(result.follow_up_code, row.code_hash)
    with SqlUnitOfWork(sessions) as uow:
        assert uow.followups.check(result.reference, result.follow_up_code, ADDRESS).outcome == "ok"


def test_a_report_given_again_keeps_only_the_newest_code(sessions, outbox):
    first = submit_report(full_draft(), sessions, outbox)
    again = submit_report(full_draft(), sessions, outbox)
    assert again.reference == first.reference and again.follow_up_code != first.follow_up_code
    with SqlUnitOfWork(sessions) as uow:
        assert uow.followups.check(first.reference, first.follow_up_code, ADDRESS).outcome == "wrong"
        assert uow.followups.check(first.reference, again.follow_up_code, ADDRESS).outcome == "ok"


def test_five_wrong_codes_lock_the_reference_for_an_hour_even_with_the_right_code(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    start = utcnow()
    with SqlUnitOfWork(sessions) as uow:
        outcomes = [
            uow.followups.check(result.reference, new_code(), f"{i:032d}", start).outcome for i in range(5)
        ]
        assert outcomes == ["wrong"] * 5
        later = start + timedelta(minutes=59)
        assert (
            uow.followups.check(result.reference, result.follow_up_code, ADDRESS, later).outcome == "locked"
        )
        after_the_hour = start + timedelta(minutes=61)
        assert (
            uow.followups.check(result.reference, result.follow_up_code, ADDRESS, after_the_hour).outcome
            == "ok"
        )


def test_a_wrong_reference_and_a_wrong_code_are_the_same_outcome(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    with SqlUnitOfWork(sessions) as uow:
        wrong_code = uow.followups.check(result.reference, new_code(), ADDRESS)
        wrong_reference = uow.followups.check("SRV-20200101-AAAAAA", result.follow_up_code, ADDRESS)
    assert wrong_code == wrong_reference


def test_an_address_with_ten_wrong_lookups_is_refused_for_the_hour(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    start = utcnow()
    with SqlUnitOfWork(sessions) as uow:
        for i in range(10):
            assert (
                uow.followups.check(
                    f"SRV-20200101-AAAAA{'ABCDEFGHJK'[i]}", new_code(), ADDRESS, start
                ).outcome
                == "wrong"
            )
        assert (
            uow.followups.check(result.reference, result.follow_up_code, ADDRESS, start).outcome == "limited"
        )
        assert uow.followups.check(result.reference, result.follow_up_code, "b" * 32, start).outcome == "ok"


def test_questions_answers_codes_and_chats_go_with_the_purged_report(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    with SqlUnitOfWork(sessions) as uow:
        report = uow.reports.get(result.reference)
        question = uow.followups.ask(report.id, "pc.smith", "Which way did he go?")
        uow.followups.register_chat(report.id, "c" * 32, "424242")
        uow.followups.answer(question.id, "Towards the park", "rest")
        uow.followups.check(result.reference, new_code(), ADDRESS)
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        assert uow.reports.purge_older_than(utcnow() + timedelta(seconds=1)) == 1
        uow.commit()
    with sessions() as session:
        for table in (FollowUpCode, FollowUpQuestion, FollowUpChat, FollowUpFailure):
            assert session.execute(select(func.count()).select_from(table)).scalar_one() == 0, table


def test_the_chat_id_is_kept_encrypted_and_deleted_when_follow_up_ends(sessions, outbox):
    result = submit_report(full_draft(), sessions, outbox)
    with SqlUnitOfWork(sessions) as uow:
        report = uow.reports.get(result.reference)
        uow.followups.register_chat(report.id, "c" * 32, "424242")
        uow.followups.ask(report.id, "pc.smith", "What colour was the car?")
        uow.commit()
    with sessions() as session:
        [chat] = session.execute(select(FollowUpChat)).scalars()
        assert "424242" not in chat.chat_token
    with SqlUnitOfWork(sessions) as uow:
        [push] = uow.followups.pending_pushes()
        assert push.reference == result.reference and push.question == "What colour was the car?"
        uow.followups.end(uow.reports.get(result.reference).id)
        uow.commit()
    with SqlUnitOfWork(sessions) as uow:
        assert uow.followups.pending_pushes() == []
