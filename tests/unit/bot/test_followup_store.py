"""The bot's door to follow-up storage: an officer's question reaches the chat a report came from,
the next message there answers it, and "stop" forgets the chat."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.followup_store import FollowUpStore, chat_hash
from servator.storage import SqlUnitOfWork, store_draft
from servator.storage.followup_tables import FollowUpChat
from tests.support.storage_helpers import full_draft, sqlite_url

CHAT = 424242


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FollowUpStore:
    monkeypatch.setenv("SERVATOR_VAR_DIR", str(tmp_path))  # the chat ids' key is made there
    return FollowUpStore(sqlite_url(tmp_path))


def ask(store: FollowUpStore, reference: str, question: str) -> None:
    with SqlUnitOfWork(store.sessions()) as uow:
        report = uow.reports.get(reference)
        assert report is not None
        uow.followups.ask(report.id, "officer-1", question)
        uow.commit()


def test_a_question_goes_to_the_reports_chat_and_the_next_message_there_answers_it(store):
    reference, _ = store_draft(full_draft(), store.sessions())
    assert store.register(reference, CHAT)
    assert not store.register("SRV-20260101-AAAAAA", CHAT), "no such report"
    ask(store, reference, "Which way did he go?")
    [(push, chat)] = store.pending()
    assert (push.reference, push.question, chat) == (reference, "Which way did he go?", str(CHAT))
    assert store.awaiting(CHAT, None) is None, "nothing is awaited before the question is sent"
    store.mark_pushed(push, message_id=99)
    awaiting = store.awaiting(CHAT, 99)
    assert awaiting is not None and awaiting.reference == reference
    assert store.awaiting(CHAT + 1, None) is None, "another chat answers nothing"
    assert store.answer(awaiting, "Towards the station")
    assert store.pending() == [] and store.awaiting(CHAT, None) is None
    with SqlUnitOfWork(store.sessions()) as uow:
        actions = [entry.action for entry in uow.audit.entries(reference)]
        assert "followup_pushed" in actions and "followup_answer" in actions
        assert all(str(CHAT) not in (entry.detail or "") for entry in uow.audit.entries(reference))


def test_the_chat_id_is_kept_only_encrypted_and_a_failed_send_is_tried_again(store):
    reference, _ = store_draft(full_draft(), store.sessions())
    store.register(reference, CHAT)
    ask(store, reference, "Was he alone?")
    with store.sessions()() as session:
        [row] = session.execute(select(FollowUpChat)).scalars()
        assert str(CHAT) not in row.chat_token and row.chat_hash == chat_hash(CHAT)
    [(push, _)] = store.pending()
    store.mark_sending(push)
    assert store.pending() == []
    store.mark_unsent(push)
    assert [p.question_id for p, _ in store.pending()] == [push.question_id]


def test_ending_follow_up_forgets_the_chat(store):
    reference, _ = store_draft(full_draft(), store.sessions())
    store.register(reference, CHAT)
    ask(store, reference, "Was he alone?")
    store.end(reference)
    assert store.pending() == []
    with store.sessions()() as session:
        assert session.execute(select(FollowUpChat)).first() is None


def test_the_question_and_the_awaited_answer_carry_the_reports_language(store):
    reference, _ = store_draft(full_draft(language="es"), store.sessions())
    store.register(reference, CHAT)
    ask(store, reference, "¿Iba solo?")
    [(push, _)] = store.pending()
    assert push.language == "es"
    store.mark_pushed(push, message_id=5)
    awaiting = store.awaiting(CHAT, None)
    assert awaiting is not None and awaiting.language == "es"
