"""The bot's blocking door to follow-up storage (docs/followup.md); callers run it in a thread.

The reporter's chat id is kept only Fernet-encrypted (servator.storage.followup), found again by a keyed
hash; it is never logged, and neither the id nor the hash is in any audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from servator.config.settings import sender_hash
from servator.storage import QuestionPush, SessionFactoryOnFirstUse, SqlUnitOfWork, decrypt_chat

REPORTER = "reporter"


def chat_hash(chat_id: int | str) -> str:
    """The keyed hash that finds a chat's follow-up rows (a prefix of its own: not the sender hash)."""
    return sender_hash(f"followup-chat:{chat_id}")


@dataclass(frozen=True)
class Awaiting:
    """A pushed question the next message in its chat answers."""

    question_id: int
    reference: str
    # The report's language: what the person is told about their answer is said in it.
    language: str = "en"


class FollowUpStore:
    def __init__(self, database_url: str) -> None:
        self._session_factory = SessionFactoryOnFirstUse(database_url)

    def sessions(self) -> Callable[[], Session]:
        return self._session_factory.get()

    def register(self, reference: str, chat_id: int) -> bool:
        """Keep the chat a report came from (encrypted), so officers' questions reach it."""
        with SqlUnitOfWork(self.sessions()) as uow:
            report = uow.reports.get(reference)
            if report is None:
                return False
            uow.followups.register_chat(report.id, chat_hash(chat_id), str(chat_id))
            uow.commit()
            return True

    def pending(self, limit: int = 20) -> list[tuple[QuestionPush, str]]:
        """Questions to push, each with the chat id to send it to (decrypted only here)."""
        with SqlUnitOfWork(self.sessions()) as uow:
            pushes = uow.followups.pending_pushes(limit)
        found = []
        for push in pushes:
            chat = decrypt_chat(push.chat_token)
            if chat is not None:
                found.append((push, chat))
        return found

    def mark_sending(self, push: QuestionPush) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.followups.mark_pushed(push.question_id)
            uow.commit()

    def mark_unsent(self, push: QuestionPush) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.followups.unmark_pushed(push.question_id)
            uow.commit()

    def mark_pushed(self, push: QuestionPush, message_id: int | None) -> None:
        with SqlUnitOfWork(self.sessions()) as uow:
            uow.followups.mark_pushed(push.question_id, message_id)
            uow.audit.record(
                "telegram", "followup_pushed", push.reference, f"question {push.question_id} sent"
            )
            uow.commit()

    def awaiting(self, chat_id: int, reply_to: int | None) -> Awaiting | None:
        with SqlUnitOfWork(self.sessions()) as uow:
            found = uow.followups.awaiting_in_chat(chat_hash(chat_id), reply_to)
        return Awaiting(int(found[0].id), found[1], found[2]) if found else None

    def answer(self, awaiting: Awaiting, text: str) -> bool:
        with SqlUnitOfWork(self.sessions()) as uow:
            answered = uow.followups.answer(awaiting.question_id, text, "telegram")
            if answered is None:
                return False
            uow.audit.record(
                REPORTER, "followup_answer", awaiting.reference, f"answer to question {answered.id}"
            )
            uow.commit()
            return True

    def end(self, reference: str) -> None:
        """Follow-up ends for the report: its chat id is deleted."""
        with SqlUnitOfWork(self.sessions()) as uow:
            report = uow.reports.get(reference)
            if report is not None:
                uow.followups.end(report.id)
                uow.audit.record(REPORTER, "followup_end", reference, "follow-up ended from Telegram")
                uow.commit()
